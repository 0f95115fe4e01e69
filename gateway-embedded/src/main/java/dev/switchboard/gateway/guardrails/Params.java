package dev.switchboard.gateway.guardrails;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.gateway.GatewayException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/** Reads one check's parameters; every problem becomes a 400 whose {@code param} is the JSON path of the culprit. */
final class Params {
    private final ObjectNode node;
    private final String path;
    private final String checkId;

    Params(ObjectNode node, String path, String checkId) {
        this.node = node;
        this.path = path;
        this.checkId = checkId;
    }

    String checkId() {
        return checkId;
    }

    /** Rejects parameters the check does not know, so a typo like {@code minWord} is not silently ignored. */
    void allowOnly(Collection<String> accepted) {
        for (var property : node.properties()) {
            String name = property.getKey();
            if (!accepted.contains(name)) {
                throw error(name, "unknown parameter '" + name + "' for check " + checkId + "; accepted: "
                        + (accepted.isEmpty() ? "none" : String.join(", ", accepted)));
            }
        }
    }

    /** The raw value, or null when absent or JSON null. */
    JsonNode optional(String name) {
        JsonNode value = node.get(name);
        return value == null || value.isNull() ? null : value;
    }

    JsonNode required(String name) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            throw error(name, checkId + " needs '" + name + "'");
        }
        return value;
    }

    String requiredString(String name) {
        JsonNode value = required(name);
        if (!value.isTextual() || value.asText().isEmpty()) {
            throw error(name, "'" + name + "' must be a non-empty string");
        }
        return value.asText();
    }

    boolean bool(String name, boolean fallback) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            return fallback;
        }
        if (!value.isBoolean()) {
            throw error(name, "'" + name + "' must be true or false");
        }
        return value.booleanValue();
    }

    int count(String name, int fallback) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            return fallback;
        }
        if (!value.isNumber() || !value.canConvertToExactIntegral() || !value.canConvertToInt() || value.intValue() < 0) {
            throw error(name, "'" + name + "' must be a whole number >= 0");
        }
        return value.intValue();
    }

    /** A non-empty array of non-empty strings. */
    List<String> strings(String name) {
        JsonNode value = required(name);
        if (!value.isArray() || value.isEmpty()) {
            throw error(name, "'" + name + "' must be a non-empty array of strings");
        }
        List<String> strings = new ArrayList<>();
        for (int i = 0; i < value.size(); i++) {
            JsonNode item = value.get(i);
            if (!item.isTextual() || item.asText().isEmpty()) {
                throw GatewayException.badRequest(path(name) + "[" + i + "]",
                        "'" + name + "' must contain only non-empty strings");
            }
            strings.add(item.asText());
        }
        return List.copyOf(strings);
    }

    MatchOperator operator(String name, MatchOperator fallback, Collection<MatchOperator> allowed) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            return fallback;
        }
        List<String> names = allowed.stream().map(MatchOperator::wireName).toList();
        if (value.isTextual() && names.contains(value.asText().toLowerCase(Locale.ROOT))) {
            return MatchOperator.valueOf(value.asText().toUpperCase(Locale.ROOT));
        }
        throw error(name, "'" + name + "' must be one of " + String.join(", ", names));
    }

    GatewayException error(String name, String message) {
        return GatewayException.badRequest(path(name), message);
    }

    String path(String name) {
        return path + "." + name;
    }
}
