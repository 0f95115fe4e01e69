package dev.switchboard.app.prompts;

import dev.switchboard.prompts.PromptException;
import dev.switchboard.prompts.render.PromptSource;

/**
 * Lets the library's renderer include partials ({@code {{> snippets/tone@production}}}) from the connected gateway,
 * and turns the library's errors into the client's, so a render fails the same way a call does.
 */
final class Partials {
    private Partials() {
    }

    /** A source that fetches each partial through {@code client}; blocking, so only render off the FX thread. */
    static PromptSource from(PromptsClient client) {
        return (name, ref) -> {
            try {
                return client.getVersion(name, ref);
            } catch (PromptsException e) {
                // The renderer names the partial in its message only for NOT_FOUND.
                throw e.status() == 404 ? PromptException.notFound(e.getMessage()) : e;
            }
        };
    }

    static PromptsException toClientError(PromptException e) {
        int status = switch (e.kind()) {
            case NOT_FOUND -> 404;
            case INVALID -> 400;
            case CONFLICT -> 409;
            case STORAGE -> 500;
        };
        return new PromptsException(status, e.getMessage(), e);
    }
}
