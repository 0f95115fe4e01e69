package dev.switchboard.app.prompts;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Set;

/**
 * What the model settings must look like, checked as the user types so a mistake is named before it is saved
 * (and long before a provider refuses the request). The shapes are OpenAI's, which the gateway speaks.
 */
final class JsonShapes {
    private static final Set<String> RESERVED = Set.of("model", "messages", "tools", "response_format", "prompt");
    private static final Set<String> FORMAT_TYPES = Set.of("text", "json_object", "json_schema");

    private JsonShapes() {
    }

    /** Request parameters: an object, without the fields that have their own place in the editor. */
    static String parameters(JsonNode node) {
        if (!node.isObject()) {
            return "give an object, e.g. {\"temperature\": 0.2, \"max_tokens\": 500}";
        }
        for (String name : RESERVED) {
            if (node.has(name)) {
                return "'" + name + "' cannot be set here: it has its own field or is filled in when rendering";
            }
        }
        return null;
    }

    /** OpenAI tools: [{"type": "function", "function": {"name": …, "parameters": {…}}}]. */
    static String tools(JsonNode node) {
        if (!node.isArray()) {
            return "give an array of tools, e.g. [{\"type\": \"function\", \"function\": {\"name\": \"lookup\"}}]";
        }
        for (int i = 0; i < node.size(); i++) {
            JsonNode tool = node.get(i);
            String where = "tool " + (i + 1);
            if (!tool.isObject() || !tool.path("type").isTextual()) {
                return where + " needs a \"type\", e.g. \"function\"";
            }
            if ("function".equals(tool.path("type").asText())) {
                JsonNode function = tool.path("function");
                if (!function.path("name").isTextual() || function.path("name").asText().isBlank()) {
                    return where + " needs \"function\": {\"name\": …}";
                }
                if (function.has("parameters") && !function.path("parameters").isObject()) {
                    return where + "'s \"parameters\" must be a JSON schema object";
                }
            }
        }
        return null;
    }

    /** OpenAI response_format: {"type": "text" | "json_object" | "json_schema", "json_schema": {name, schema}}. */
    static String responseFormat(JsonNode node) {
        if (!node.isObject()) {
            return "give an object, e.g. {\"type\": \"json_object\"}";
        }
        String type = node.path("type").asText("");
        if (!FORMAT_TYPES.contains(type)) {
            return "\"type\" must be text, json_object or json_schema";
        }
        if (type.equals("json_schema")) {
            JsonNode schema = node.path("json_schema");
            if (!schema.path("name").isTextual() || !schema.path("schema").isObject()) {
                return "json_schema needs {\"name\": …, \"schema\": {…}}";
            }
        }
        return null;
    }
}
