package dev.switchboard.app.prompts;

/**
 * A failed prompt library call, with a message fit to show a user: the gateway's own {@code error.message} when it
 * gave one, else what went wrong in plain words. {@code status} is the HTTP status (400 invalid, 404 not found,
 * 409 conflict), or 0 when the gateway could not be reached.
 */
public class PromptsException extends RuntimeException {
    private final int status;

    public PromptsException(int status, String message, Throwable cause) {
        super(message, cause);
        this.status = status;
    }

    public PromptsException(int status, String message) {
        this(status, message, null);
    }

    public int status() {
        return status;
    }
}
