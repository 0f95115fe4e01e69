package dev.switchboard.gateway.provider;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.gateway.GatewayException;

/**
 * Typed reads of client JSON that fail with a 400 naming the offending {@code param} path, so a malformed
 * request never surfaces as a NullPointerException or ClassCastException deep inside a translator.
 * Absent and JSON-null fields read as Java null.
 */
public final class JsonFields {
    private JsonFields() {
    }

    public static String string(JsonNode parent, String field, String param) {
        JsonNode value = present(parent, field);
        if (value == null) {
            return null;
        }
        if (!value.isTextual()) {
            throw wrongType(param, "a string");
        }
        return value.textValue();
    }

    public static String requiredString(JsonNode parent, String field, String param) {
        String value = string(parent, field, param);
        if (value == null || value.isEmpty()) {
            throw GatewayException.badRequest(param, "'" + param + "' is required");
        }
        return value;
    }

    public static Double number(JsonNode parent, String field, String param) {
        JsonNode value = present(parent, field);
        if (value == null) {
            return null;
        }
        if (!value.isNumber()) {
            throw wrongType(param, "a number");
        }
        return value.doubleValue();
    }

    public static Integer integer(JsonNode parent, String field, String param) {
        JsonNode value = present(parent, field);
        if (value == null) {
            return null;
        }
        if (!value.canConvertToExactIntegral() || !value.canConvertToInt()) {
            throw wrongType(param, "an integer");
        }
        return value.intValue();
    }

    public static Long longInteger(JsonNode parent, String field, String param) {
        JsonNode value = present(parent, field);
        if (value == null) {
            return null;
        }
        if (!value.canConvertToExactIntegral() || !value.canConvertToLong()) {
            throw wrongType(param, "an integer");
        }
        return value.longValue();
    }

    public static Boolean bool(JsonNode parent, String field, String param) {
        JsonNode value = present(parent, field);
        if (value == null) {
            return null;
        }
        if (!value.isBoolean()) {
            throw wrongType(param, "a boolean");
        }
        return value.booleanValue();
    }

    public static ArrayNode array(JsonNode parent, String field, String param) {
        JsonNode value = present(parent, field);
        if (value == null) {
            return null;
        }
        if (!value.isArray()) {
            throw wrongType(param, "an array");
        }
        return (ArrayNode) value;
    }

    public static ObjectNode object(JsonNode parent, String field, String param) {
        JsonNode value = present(parent, field);
        if (value == null) {
            return null;
        }
        return asObject(value, param);
    }

    public static ObjectNode asObject(JsonNode value, String param) {
        if (!value.isObject()) {
            throw wrongType(param, "an object");
        }
        return (ObjectNode) value;
    }

    public static GatewayException wrongType(String param, String expected) {
        return GatewayException.badRequest(param, "'" + param + "' must be " + expected);
    }

    private static JsonNode present(JsonNode parent, String field) {
        JsonNode value = parent.get(field);
        return value == null || value.isNull() ? null : value;
    }
}
