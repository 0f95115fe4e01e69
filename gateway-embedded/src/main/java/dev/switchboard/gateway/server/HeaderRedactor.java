package dev.switchboard.gateway.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.gateway.Json;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** Copies request headers for a trace with every credential replaced, so no key is ever stored. */
final class HeaderRedactor {
    static final String REDACTED = "[redacted]";
    private static final Set<String> SECRET_HEADERS = Set.of("authorization", "proxy-authorization", "x-api-key",
            "api-key", "x-goog-api-key", "x-portkey-api-key", "cookie", "set-cookie", "x-portkey-virtual-key");
    private static final Set<String> SECRET_FIELDS = Set.of("api_key", "apikey", "aws_secret_access_key",
            "aws_session_token", "virtual_key");

    private HeaderRedactor() {
    }

    static Map<String, String> redact(Map<String, String> headers) {
        Map<String, String> copy = new TreeMap<>();
        headers.forEach((name, value) -> {
            String lower = name.toLowerCase(Locale.ROOT);
            copy.put(lower, redactValue(lower, value));
        });
        return copy;
    }

    private static String redactValue(String name, String value) {
        if (SECRET_HEADERS.contains(name)) {
            return REDACTED;
        }
        if ("x-portkey-config".equals(name)) {
            try {
                JsonNode config = Json.read(value);
                redactFields(config);
                return Json.write(config);
            } catch (UncheckedIOException notJson) {
                return value;
            }
        }
        return value;
    }

    private static void redactFields(JsonNode node) {
        if (node instanceof ObjectNode object) {
            object.fieldNames().forEachRemaining(field -> {
                if (SECRET_FIELDS.contains(field.toLowerCase(Locale.ROOT))) {
                    object.put(field, REDACTED);
                }
            });
        }
        node.forEach(HeaderRedactor::redactFields);
    }
}
