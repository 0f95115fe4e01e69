package dev.switchboard.gateway.mock;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.gateway.Json;
import java.util.Locale;

/**
 * Invents arguments for a tool call from the tool's JSON schema: a plausible value for every required property,
 * so callers that validate arguments against the schema accept the mock's calls.
 */
final class ToolArguments {
    /** Deep enough for real schemas; stops self-referencing ones from recursing forever. */
    private static final int MAX_DEPTH = 8;

    private ToolArguments() {
    }

    static ObjectNode plausible(JsonNode schema) {
        return object(schema, 0);
    }

    private static ObjectNode object(JsonNode schema, int depth) {
        ObjectNode arguments = Json.object();
        if (schema == null || depth > MAX_DEPTH) {
            return arguments;
        }
        JsonNode properties = schema.path("properties");
        for (JsonNode required : schema.path("required")) {
            String name = required.asText();
            arguments.set(name, value(name, properties.path(name), depth + 1));
        }
        return arguments;
    }

    private static JsonNode value(String name, JsonNode schema, int depth) {
        JsonNode choices = schema.path("enum");
        if (choices.isArray() && !choices.isEmpty()) {
            return choices.get(0);
        }
        return switch (type(schema)) {
            case "integer" -> Json.MAPPER.getNodeFactory().numberNode(3);
            case "number" -> Json.MAPPER.getNodeFactory().numberNode(2.5);
            case "boolean" -> Json.MAPPER.getNodeFactory().booleanNode(true);
            case "object" -> object(schema, depth);
            case "array" -> {
                ArrayNode items = Json.MAPPER.createArrayNode();
                items.add(value(name, schema.path("items"), depth + 1));
                yield items;
            }
            default -> Json.MAPPER.getNodeFactory().textNode(plausibleString(name, schema.path("format").asText()));
        };
    }

    /** The schema's type; a list such as {@code ["string","null"]} counts as its first non-null entry. */
    private static String type(JsonNode schema) {
        JsonNode type = schema.path("type");
        if (type.isArray()) {
            for (JsonNode entry : type) {
                if (!"null".equals(entry.asText())) {
                    return entry.asText();
                }
            }
            return "string";
        }
        if (type.isMissingNode() && schema.has("properties")) {
            return "object";
        }
        return type.asText("string");
    }

    private static String plausibleString(String name, String format) {
        String byFormat = switch (format) {
            case "date" -> "2025-06-01";
            case "date-time" -> "2025-06-01T09:30:00Z";
            case "email" -> "ada@example.com";
            case "uri", "url" -> "https://example.com";
            default -> null;
        };
        if (byFormat != null) {
            return byFormat;
        }
        String key = name.toLowerCase(Locale.ROOT);
        if (key.contains("city") || key.contains("location") || key.contains("place")) {
            return "Paris";
        }
        if (key.contains("country")) {
            return "France";
        }
        if (key.contains("date") || key.contains("day")) {
            return "2025-06-01";
        }
        if (key.contains("email")) {
            return "ada@example.com";
        }
        if (key.contains("url") || key.contains("link")) {
            return "https://example.com";
        }
        if (key.contains("name")) {
            return "Ada Lovelace";
        }
        if (key.contains("query") || key.contains("search") || key.equals("q")) {
            return "switchboard mock provider";
        }
        if (key.contains("id")) {
            return "id_12345";
        }
        return "example " + name;
    }
}
