package dev.switchboard.app.routing;

/**
 * A failed governance call, with a message fit to show a user: the gateway's own {@code error.message} when it gave
 * one (a bad config names the JSON path), else what went wrong in plain words. {@code status} is the HTTP status,
 * or 0 when the gateway could not be reached.
 */
public class GovernanceException extends RuntimeException {
    private final int status;

    public GovernanceException(int status, String message) {
        super(message);
        this.status = status;
    }

    public GovernanceException(String message, Throwable cause) {
        super(message, cause);
        this.status = 0;
    }

    public int status() {
        return status;
    }
}
