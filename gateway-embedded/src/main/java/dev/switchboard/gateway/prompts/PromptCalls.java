package dev.switchboard.gateway.prompts;

import dev.switchboard.prompts.PromptException;

/** Runs a prompt-library call and turns its errors into the gateway's. */
final class PromptCalls {
    private PromptCalls() {
    }

    static void run(Runnable call) {
        try {
            call.run();
        } catch (PromptException e) {
            throw PromptErrors.toGateway(e);
        }
    }

    static <T> T get(java.util.function.Supplier<T> call) {
        try {
            return call.get();
        } catch (PromptException e) {
            throw PromptErrors.toGateway(e);
        }
    }
}
