package dev.switchboard.app.connection;

/** Any failure talking to a gateway, with a message fit to show a user. */
public class GatewayClientException extends RuntimeException {
    public GatewayClientException(String message) {
        super(message);
    }

    public GatewayClientException(String message, Throwable cause) {
        super(message, cause);
    }
}
