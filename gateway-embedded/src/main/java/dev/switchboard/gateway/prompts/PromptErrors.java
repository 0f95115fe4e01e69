package dev.switchboard.gateway.prompts;

import dev.switchboard.gateway.GatewayException;
import dev.switchboard.prompts.PromptException;

/** Maps the prompt library's errors to HTTP: not found 404, invalid 400, conflict 409, storage 500. */
public final class PromptErrors {
    private PromptErrors() {
    }

    public static GatewayException toGateway(PromptException e) {
        return switch (e.kind()) {
            case NOT_FOUND -> new GatewayException(404, "invalid_request_error", "prompt_not_found", null, e.getMessage());
            case INVALID -> new GatewayException(400, "invalid_request_error", code(e), param(e), e.getMessage());
            case CONFLICT -> new GatewayException(409, "invalid_request_error", "conflict", null, e.getMessage());
            case STORAGE -> new GatewayException(500, "server_error", "prompt_storage_error", null,
                    "The prompt store failed: " + e.getMessage());
        };
    }

    private static String code(PromptException e) {
        if (!e.missingVariables().isEmpty()) {
            return "missing_variables";
        }
        return e.templateLine() != null ? "invalid_template" : null;
    }

    private static String param(PromptException e) {
        return e.missingVariables().isEmpty() ? null : "variables";
    }
}
