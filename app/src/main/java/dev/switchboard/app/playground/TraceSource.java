package dev.switchboard.app.playground;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.gateway.Json;
import dev.switchboard.gateway.trace.Trace;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A traced chat call turned back into a playground source and target: its messages, model and parameters, and
 * the provider and custom host it went to. Keys are never in a trace, so none are carried over; a virtual key
 * header was redacted by the gateway and is left for the user to pick again.
 */
public record TraceSource(String origin, List<Message> messages, Target target) {

    /** @throws IllegalArgumentException with a readable reason when the trace cannot be replayed */
    public static TraceSource of(Trace trace) {
        if (!"chat.completions".equals(trace.endpoint())) {
            throw new IllegalArgumentException("Only chat completions open in the Playground; this trace is "
                    + trace.endpoint());
        }
        if (trace.requestBody() == null) {
            throw new IllegalArgumentException("This trace has no request body (body capture was off)");
        }
        JsonNode body;
        try {
            body = Json.read(trace.requestBody());
        } catch (UncheckedIOException e) {
            throw new IllegalArgumentException("This trace's request body is not JSON (it may have been cut at the "
                    + "capture limit)");
        }
        List<Message> messages = new ArrayList<>();
        for (JsonNode message : body.path("messages")) {
            messages.add(new Message(message.path("role").asText("user"), text(message.path("content"))));
        }
        if (messages.isEmpty()) {
            throw new IllegalArgumentException("This trace's request has no messages");
        }
        Map<String, String> headers = trace.requestHeaders() == null ? Map.of() : trace.requestHeaders();
        JsonNode temperature = body.path("temperature");
        JsonNode maxTokens = body.has("max_completion_tokens") ? body.path("max_completion_tokens")
                : body.path("max_tokens");
        Target target = new Target(trace.provider(), body.path("model").asText(trace.model()),
                headers.get("x-portkey-custom-host"), null,
                temperature.isNumber() ? temperature.asDouble() : null,
                maxTokens.isNumber() ? maxTokens.asInt() : null);
        return new TraceSource("Trace " + trace.id(), messages, target);
    }

    /** Plain text content, or the text parts of multi-part content (images cannot be edited here). */
    private static String text(JsonNode content) {
        if (content.isTextual()) {
            return content.asText();
        }
        StringBuilder text = new StringBuilder();
        for (JsonNode part : content) {
            if ("text".equals(part.path("type").asText())) {
                text.append(text.isEmpty() ? "" : "\n").append(part.path("text").asText());
            }
        }
        return text.toString();
    }
}
