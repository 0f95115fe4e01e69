package dev.switchboard.gateway.store;

/** A query parameter the store cannot use; {@code param} names it so the caller can be told which. */
public class InvalidQueryException extends RuntimeException {
    private final String param;

    public InvalidQueryException(String param, String message) {
        super(message);
        this.param = param;
    }

    public String param() {
        return param;
    }
}
