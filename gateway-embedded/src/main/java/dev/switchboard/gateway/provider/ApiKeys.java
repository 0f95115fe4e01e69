package dev.switchboard.gateway.provider;

import dev.switchboard.gateway.GatewayException;

/** Fails a call that has no key for its provider before any header is built from it. */
public final class ApiKeys {
    private ApiKeys() {
    }

    public static String require(Target target) {
        String key = target.apiKey();
        if (key == null || key.isBlank()) {
            throw new GatewayException(401, "authentication_error", "missing_api_key", null,
                    "No API key is configured for provider '" + target.provider() + "'");
        }
        return key;
    }
}
