package dev.switchboard.gateway.mock;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.gateway.Json;
import dev.switchboard.gateway.provider.SseEvent;
import java.util.concurrent.ThreadLocalRandom;

/** Small pieces every provider format uses: ids, required fields, SSE events from JSON. */
final class Wire {
    private Wire() {
    }

    /** A fresh id in a provider's style, e.g. {@code chatcmpl-mock…}; random so ids stay unique across restarts. */
    static String id(String prefix) {
        return prefix + "mock" + Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36);
    }

    static long epochSeconds() {
        return System.currentTimeMillis() / 1000;
    }

    static String requiredText(JsonNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            throw MockException.badRequest("'" + field + "' is required");
        }
        return value.asText();
    }

    static JsonNode requiredArray(JsonNode body, String field) {
        JsonNode value = body.path(field);
        if (!value.isArray() || value.isEmpty()) {
            throw MockException.badRequest("'" + field + "' must be a non-empty array");
        }
        return value;
    }

    /** The integer at {@code field}, or null when absent. */
    static Integer optionalInt(JsonNode body, String field) {
        JsonNode value = body.get(field);
        return value != null && value.canConvertToInt() ? value.asInt() : null;
    }

    static SseEvent data(Object json) {
        return new SseEvent(null, Json.write(json));
    }

    static SseEvent event(String name, ObjectNode json) {
        return new SseEvent(name, Json.write(json));
    }
}
