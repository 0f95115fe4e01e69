package dev.switchboard.gateway.provider;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.gateway.Json;
import java.io.UncheckedIOException;

/**
 * Normalises a provider's error body into OpenAI's error object so clients read one shape whatever the provider:
 * OpenAI {@code {"error":{"message"}}}, Anthropic {@code {"type":"error","error":{"type","message"}}},
 * Gemini {@code {"error":{"code","message","status"}}}, or plain text.
 */
public final class UpstreamErrors {
    private static final int MAX_TEXT = 2000;

    private UpstreamErrors() {
    }

    /** The provider's own message, or a description of the status when the body has none. */
    public static String message(int status, String body) {
        if (body != null && !body.isBlank()) {
            try {
                JsonNode node = Json.read(body);
                JsonNode error = node.path("error");
                String message = error.isTextual() ? error.asText() : error.path("message").asText("");
                if (message.isEmpty()) {
                    message = node.path("message").asText("");
                }
                if (!message.isEmpty()) {
                    return message;
                }
            } catch (UncheckedIOException notJson) {
                String text = body.strip();
                return text.length() > MAX_TEXT ? text.substring(0, MAX_TEXT) : text;
            }
        }
        return "Upstream returned HTTP " + status;
    }

    /** The provider's error type where it names one, else an OpenAI type that fits the status. */
    public static String type(int status, String body) {
        if (body != null && !body.isBlank()) {
            try {
                JsonNode error = Json.read(body).path("error");
                String type = error.path("type").asText("");
                if (type.isEmpty()) {
                    type = error.path("status").asText("");
                }
                if (!type.isEmpty()) {
                    return type;
                }
            } catch (UncheckedIOException notJson) {
                // fall through to the status-based type
            }
        }
        return switch (status) {
            case 401 -> "authentication_error";
            case 403 -> "permission_error";
            case 404 -> "not_found_error";
            case 429 -> "rate_limit_error";
            default -> status >= 500 ? "api_error" : "invalid_request_error";
        };
    }
}
