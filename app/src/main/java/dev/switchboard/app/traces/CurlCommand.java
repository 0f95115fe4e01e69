package dev.switchboard.app.traces;

import dev.switchboard.gateway.trace.Trace;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A trace as a cURL command that replays it through the gateway. Never contains a secret: the key is an environment
 * variable, and only routing and metadata headers are kept (the gateway already redacted credentials in them).
 */
public final class CurlCommand {
    private static final Set<String> KEPT_HEADERS = Set.of("x-portkey-provider", "x-portkey-custom-host",
            "x-portkey-metadata", "x-portkey-request-timeout", "x-portkey-config");
    private static final Map<String, String> PATHS = Map.of("chat.completions", "/v1/chat/completions",
            "embeddings", "/v1/embeddings", "completions", "/v1/completions");

    private CurlCommand() {
    }

    public static String of(Trace trace, String baseUrl) {
        StringBuilder curl = new StringBuilder("curl ")
                .append(quote(baseUrl + PATHS.getOrDefault(trace.endpoint(), "/v1/chat/completions")))
                .append(" \\\n  -H 'Content-Type: application/json'")
                .append(" \\\n  -H \"Authorization: Bearer $OPENAI_API_KEY\"");
        Map<String, String> headers = trace.requestHeaders() == null ? Map.of() : trace.requestHeaders();
        new TreeMap<>(headers).forEach((name, value) -> {
            // A config whose key was redacted would not work when replayed: leave it to the user.
            if (KEPT_HEADERS.contains(name) && value != null && !value.contains("[redacted]")) {
                curl.append(" \\\n  -H ").append(quote(name + ": " + value));
            }
        });
        String body = trace.requestBody() == null ? "{}" : trace.requestBody();
        curl.append(" \\\n  -d ").append(quote(body));
        return curl.toString();
    }

    /** Single-quoted for POSIX shells: nothing inside is expanded. */
    static String quote(String text) {
        return "'" + text.replace("'", "'\\''") + "'";
    }
}
