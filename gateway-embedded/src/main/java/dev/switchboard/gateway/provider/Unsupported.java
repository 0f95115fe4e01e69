package dev.switchboard.gateway.provider;

import dev.switchboard.gateway.GatewayException;

/** The 400 for a request feature a provider cannot honour, naming the field so the client knows what to drop. */
public final class Unsupported {
    private Unsupported() {
    }

    public static GatewayException field(String param, String message) {
        return new GatewayException(400, "invalid_request_error", "unsupported", param, message);
    }
}
