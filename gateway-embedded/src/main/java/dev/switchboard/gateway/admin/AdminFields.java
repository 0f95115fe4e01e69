package dev.switchboard.gateway.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.gateway.GatewayException;
import dev.switchboard.gateway.Json;
import io.javalin.http.Context;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the fields of an admin request body. Anything of the wrong shape is a 400 whose {@code param} is the field
 * and whose message names it, never a 500 from a failed conversion deeper down.
 */
public final class AdminFields {
    private AdminFields() {
    }

    public static ObjectNode body(Context ctx) {
        byte[] bytes = ctx.bodyAsBytes();
        if (bytes.length == 0) {
            throw GatewayException.badRequest(null, "The request body is empty; send a JSON object");
        }
        try {
            JsonNode node = Json.read(bytes);
            if (node instanceof ObjectNode object) {
                return object;
            }
        } catch (UncheckedIOException e) {
            throw GatewayException.badRequest(null, "The request body is not valid JSON");
        }
        throw GatewayException.badRequest(null, "The request body must be a JSON object");
    }

    /** A non-blank string (trimmed), or null when absent or null unless {@code required}. */
    public static String text(ObjectNode body, String field, boolean required) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            if (required) {
                throw GatewayException.badRequest(field, "Missing required field '" + field + "'");
            }
            return null;
        }
        if (!value.isTextual() || value.asText().isBlank()) {
            throw GatewayException.badRequest(field, "'" + field + "' must be a non-empty string");
        }
        return value.asText().trim();
    }

    /** Free text that may be left empty (a description): trimmed, null when absent, null or blank. */
    public static String optionalText(ObjectNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw GatewayException.badRequest(field, "'" + field + "' must be a string");
        }
        return value.asText().isBlank() ? null : value.asText().trim();
    }

    /** An absolute http(s) URL, or null when absent or null. */
    static String url(ObjectNode body, String field) {
        String value = text(body, field, false);
        if (value == null) {
            return null;
        }
        try {
            URI uri = new URI(value);
            if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null) {
                return value;
            }
        } catch (URISyntaxException e) {
            // the message below says what is expected
        }
        throw GatewayException.badRequest(field, "'" + field + "' must be an http(s) URL such as "
                + "https://api.example.com/v1, got '" + value + "'");
    }

    static Integer positiveInt(ObjectNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isIntegralNumber() || value.asLong() <= 0 || value.asLong() > Integer.MAX_VALUE) {
            throw GatewayException.badRequest(field, "'" + field + "' must be a positive whole number or null, got "
                    + value);
        }
        return value.asInt();
    }

    static BigDecimal money(ObjectNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isNumber() || value.decimalValue().signum() <= 0) {
            throw GatewayException.badRequest(field, "'" + field + "' must be a positive amount in USD or null, got "
                    + value);
        }
        return value.decimalValue();
    }

    /** An array of non-blank strings; empty when absent or null. */
    public static List<String> strings(ObjectNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return List.of();
        }
        if (!value.isArray()) {
            throw GatewayException.badRequest(field, "'" + field + "' must be an array of strings");
        }
        List<String> strings = new ArrayList<>();
        for (int i = 0; i < value.size(); i++) {
            JsonNode item = value.get(i);
            if (!item.isTextual() || item.asText().isBlank()) {
                throw GatewayException.badRequest(field + "[" + i + "]", "'" + field + "[" + i
                        + "]' must be a non-empty string, got " + item);
            }
            strings.add(item.asText().trim());
        }
        return strings;
    }

    /** {@code options}: an object of string values; empty when absent or null. */
    static Map<String, String> options(ObjectNode body) {
        JsonNode options = body.get("options");
        if (options == null || options.isNull()) {
            return Map.of();
        }
        if (!options.isObject()) {
            throw GatewayException.badRequest("options", "'options' must be an object of strings");
        }
        Map<String, String> read = new LinkedHashMap<>();
        options.properties().forEach(option -> {
            if (!option.getValue().isTextual()) {
                throw GatewayException.badRequest("options." + option.getKey(), "'options." + option.getKey()
                        + "' must be a string");
            }
            read.put(option.getKey(), option.getValue().asText());
        });
        return read;
    }
}
