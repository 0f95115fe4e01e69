package dev.switchboard.gateway.provider;

import java.util.Map;

/**
 * One resolved upstream for one request: which provider, its API base (no trailing slash), the
 * caller's key for it, and provider-specific options (e.g. Azure's api-version).
 */
public record Target(String provider, String baseUrl, String apiKey, Map<String, String> options) {
    public Target {
        options = options == null ? Map.of() : Map.copyOf(options);
    }

    public String option(String name) {
        return options.get(name);
    }

    @Override
    public String toString() {
        // The key must never reach a log line.
        return "Target[" + provider + " " + baseUrl + "]";
    }
}
