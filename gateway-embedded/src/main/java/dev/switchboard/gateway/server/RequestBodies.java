package dev.switchboard.gateway.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.gateway.GatewayException;
import dev.switchboard.gateway.Json;
import java.io.UncheckedIOException;

/** Parses and checks inbound JSON bodies, naming the first problem the way OpenAI does. */
final class RequestBodies {
    private RequestBodies() {
    }

    static ObjectNode object(byte[] body) {
        if (body == null || body.length == 0) {
            throw GatewayException.badRequest(null, "The request body is empty; send a JSON object");
        }
        JsonNode node;
        try {
            node = Json.read(body);
        } catch (UncheckedIOException e) {
            throw GatewayException.badRequest(null, "The request body is not valid JSON: "
                    + firstLine(e.getCause().getMessage()));
        }
        if (!(node instanceof ObjectNode object)) {
            throw GatewayException.badRequest(null, "The request body must be a JSON object");
        }
        return object;
    }

    static String requiredText(ObjectNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            throw GatewayException.badRequest(field, "Missing required parameter: '" + field + "'");
        }
        if (!value.isTextual() || value.asText().isBlank()) {
            throw GatewayException.badRequest(field, "'" + field + "' must be a non-empty string");
        }
        return value.asText();
    }

    /** {@code messages} must be a non-empty array; {@code input} and {@code prompt} may also be a string. */
    static void requireInput(ObjectNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            throw GatewayException.badRequest(field, "Missing required parameter: '" + field + "'");
        }
        boolean textAllowed = !"messages".equals(field);
        boolean ok = value.isArray() ? !value.isEmpty() : textAllowed && value.isTextual();
        if (!ok) {
            throw GatewayException.badRequest(field, "'" + field + "' must be a non-empty array"
                    + (textAllowed ? " or a string" : ""));
        }
    }

    static boolean flag(ObjectNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return false;
        }
        if (!value.isBoolean()) {
            throw GatewayException.badRequest(field, "'" + field + "' must be a boolean");
        }
        return value.asBoolean();
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
