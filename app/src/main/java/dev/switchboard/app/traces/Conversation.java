package dev.switchboard.app.traces;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.switchboard.gateway.Json;
import java.util.ArrayList;
import java.util.List;

/** Reads a trace's OpenAI-format request and response into chat turns: what was asked and what came back. */
public final class Conversation {
    private Conversation() {
    }

    public static List<ChatMessage> of(String endpoint, String requestBody, String responseBody) {
        List<ChatMessage> messages = new ArrayList<>();
        JsonNode request = parse(requestBody);
        JsonNode response = parse(responseBody);
        switch (endpoint == null ? "" : endpoint) {
            case "embeddings" -> messages.add(ChatMessage.of("user", textOf(request.path("input"))));
            case "completions" -> messages.add(ChatMessage.of("user", textOf(request.path("prompt"))));
            default -> request.path("messages").forEach(m -> messages.add(message(m)));
        }
        if (response.has("error")) {
            messages.add(ChatMessage.of("error", response.path("error").path("message").asText(response.toString())));
            return messages;
        }
        if ("embeddings".equals(endpoint)) {
            JsonNode data = response.path("data");
            if (data.size() > 0) {
                messages.add(ChatMessage.of("assistant", data.size() + " embedding(s) of "
                        + data.path(0).path("embedding").size() + " dimensions"));
            }
            return messages;
        }
        for (JsonNode choice : response.path("choices")) {
            if (choice.has("message")) {
                messages.add(message(choice.path("message")));
            } else if (choice.has("text")) {
                messages.add(ChatMessage.of("assistant", choice.path("text").asText()));
            }
        }
        return messages;
    }

    private static ChatMessage message(JsonNode m) {
        List<ChatMessage.ToolCall> calls = new ArrayList<>();
        for (JsonNode call : m.path("tool_calls")) {
            JsonNode function = call.path("function");
            calls.add(new ChatMessage.ToolCall(call.path("id").asText(null), function.path("name").asText(""),
                    prettyIfJson(function.path("arguments").asText(""))));
        }
        if (m.has("function_call")) {
            JsonNode function = m.path("function_call");
            calls.add(new ChatMessage.ToolCall(null, function.path("name").asText(""),
                    prettyIfJson(function.path("arguments").asText(""))));
        }
        String role = m.path("role").asText("user");
        String text = textOf(m.path("content"));
        if ("tool".equals(role)) {
            text = prettyIfJson(text);
        }
        return new ChatMessage(role, text, calls, m.path("name").asText(null), m.path("tool_call_id").asText(null));
    }

    /** Content as text: a string, or the text of each part with a marker for images and audio. */
    static String textOf(JsonNode content) {
        if (content.isMissingNode() || content.isNull()) {
            return "";
        }
        if (content.isTextual()) {
            return content.asText();
        }
        if (content.isArray()) {
            List<String> parts = new ArrayList<>();
            for (JsonNode part : content) {
                if (part.isTextual()) {
                    parts.add(part.asText());
                } else if (part.has("text")) {
                    parts.add(part.path("text").asText());
                } else if (part.has("image_url")) {
                    parts.add("[image] " + abbreviate(part.path("image_url").path("url").asText(
                            part.path("image_url").asText(""))));
                } else if (part.has("input_audio")) {
                    parts.add("[audio]");
                } else {
                    parts.add(part.toString());
                }
            }
            return String.join("\n", parts);
        }
        return content.toString();
    }

    private static String abbreviate(String url) {
        return url.startsWith("data:") ? url.substring(0, Math.min(url.length(), 40)) + "…" : url;
    }

    static String prettyIfJson(String text) {
        String trimmed = text.trim();
        if (!(trimmed.startsWith("{") || trimmed.startsWith("["))) {
            return text;
        }
        try {
            return Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(Json.read(trimmed));
        } catch (Exception notJson) {
            return text;
        }
    }

    private static JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            return MissingNode.getInstance();
        }
        try {
            return Json.read(body);
        } catch (RuntimeException notJson) {
            return MissingNode.getInstance();
        }
    }
}
