package dev.switchboard.gateway.provider;

/** An error the provider reported inside a stream that had already started (e.g. Anthropic's {@code error} event). */
public class UpstreamStreamException extends RuntimeException {
    private final String type;

    public UpstreamStreamException(String type, String message) {
        super(message);
        this.type = type;
    }

    public String type() {
        return type;
    }
}
