package dev.switchboard.app.routing;

/**
 * A failed governance call, with a message fit to show a user: the gateway's own {@code error.message} when it gave
 * one (a bad config names the JSON path), else what went wrong in plain words. {@code status} is the HTTP status,
 * or 0 when the gateway could not be reached; {@code param} is the request field the gateway refused, if it said.
 */
public class GovernanceException extends RuntimeException {
    private final int status;
    private final String param;

    public GovernanceException(int status, String message) {
        this(status, null, message);
    }

    public GovernanceException(int status, String param, String message) {
        super(message);
        this.status = status;
        this.param = param;
    }

    public GovernanceException(String message, Throwable cause) {
        super(message, cause);
        this.status = 0;
        this.param = null;
    }

    public int status() {
        return status;
    }

    /** The refused field or JSON path, e.g. {@code budget_day_usd} or {@code config.targets[1].provider}; or null. */
    public String param() {
        return param;
    }
}
