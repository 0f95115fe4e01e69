package dev.switchboard.gateway.provider.openai;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.gateway.Json;
import java.io.UncheckedIOException;

/** Reads the human message out of an error object an OpenAI-compatible host sent inside a stream. */
final class InStreamErrors {
    private InStreamErrors() {
    }

    static String message(String data) {
        try {
            JsonNode node = Json.read(data);
            String message = node.path("error").path("message").asText("");
            return message.isEmpty() ? data : message;
        } catch (UncheckedIOException e) {
            return data;
        }
    }
}
