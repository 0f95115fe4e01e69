package dev.switchboard.gateway.provider;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.gateway.GatewayException;
import dev.switchboard.gateway.Json;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** Reads OpenAI's {@code messages} array into {@link ChatMessage}s, rejecting bad shapes with the exact param path. */
final class ChatMessageReader {
    private static final String DATA_URL_BASE64 = ";base64,";

    private ChatMessageReader() {
    }

    static List<ChatMessage> read(ArrayNode messages) {
        if (messages == null || messages.isEmpty()) {
            throw GatewayException.badRequest("messages", "'messages' must be a non-empty array");
        }
        List<ChatMessage> result = new ArrayList<>(messages.size());
        for (int i = 0; i < messages.size(); i++) {
            result.add(message(messages.get(i), i));
        }
        return List.copyOf(result);
    }

    private static ChatMessage message(JsonNode node, int index) {
        String path = "messages[" + index + "]";
        ObjectNode message = JsonFields.asObject(node, path);
        String role = JsonFields.requiredString(message, "role", path + ".role");
        return switch (role) {
            case "system", "developer" ->
                    new ChatMessage.Instructions(index, text(message.get("content"), path + ".content"));
            case "user" -> new ChatMessage.User(index, userParts(message.get("content"), path + ".content"));
            case "assistant" -> assistant(message, index, path);
            case "tool" -> new ChatMessage.ToolResult(index,
                    JsonFields.requiredString(message, "tool_call_id", path + ".tool_call_id"),
                    text(message.get("content"), path + ".content"));
            case "function" -> throw GatewayException.badRequest(path + ".role",
                    "The deprecated 'function' role is not supported; use 'tool' messages");
            default -> throw GatewayException.badRequest(path + ".role", "Unknown role '" + role + "'");
        };
    }

    private static ChatMessage.Assistant assistant(ObjectNode message, int index, String path) {
        if (message.hasNonNull("function_call")) {
            throw GatewayException.badRequest(path + ".function_call",
                    "The deprecated 'function_call' is not supported; use 'tool_calls'");
        }
        JsonNode content = message.get("content");
        String text = content == null || content.isNull() ? "" : text(content, path + ".content");
        ArrayNode calls = JsonFields.array(message, "tool_calls", path + ".tool_calls");
        List<ToolCall> toolCalls = new ArrayList<>();
        for (int j = 0; calls != null && j < calls.size(); j++) {
            toolCalls.add(toolCall(calls.get(j), path + ".tool_calls[" + j + "]"));
        }
        return new ChatMessage.Assistant(index, text, List.copyOf(toolCalls));
    }

    private static ToolCall toolCall(JsonNode node, String path) {
        ObjectNode call = JsonFields.asObject(node, path);
        String type = JsonFields.string(call, "type", path + ".type");
        if (type != null && !type.equals("function")) {
            throw GatewayException.badRequest(path + ".type", "Only 'function' tool calls are supported");
        }
        ObjectNode function = JsonFields.object(call, "function", path + ".function");
        if (function == null) {
            throw GatewayException.badRequest(path + ".function", "'" + path + ".function' is required");
        }
        return new ToolCall(JsonFields.requiredString(call, "id", path + ".id"),
                JsonFields.requiredString(function, "name", path + ".function.name"),
                arguments(JsonFields.string(function, "arguments", path + ".function.arguments"),
                        path + ".function.arguments"));
    }

    /** OpenAI sends arguments as JSON text; providers want the object, so bad JSON is the client's error. */
    private static ObjectNode arguments(String json, String path) {
        if (json == null || json.isBlank()) {
            return Json.object();
        }
        JsonNode parsed;
        try {
            parsed = Json.read(json);
        } catch (UncheckedIOException e) {
            throw GatewayException.badRequest(path, "'" + path + "' is not valid JSON");
        }
        if (!parsed.isObject()) {
            throw GatewayException.badRequest(path, "'" + path + "' must be a JSON object");
        }
        return (ObjectNode) parsed;
    }

    /** Content that may only carry text: a string, or an array of {@code text} (or {@code refusal}) parts. */
    private static String text(JsonNode content, String path) {
        if (content != null && content.isTextual()) {
            return content.textValue();
        }
        if (content == null || !content.isArray()) {
            throw JsonFields.wrongType(path, "a string or an array of text parts");
        }
        StringBuilder text = new StringBuilder();
        for (int j = 0; j < content.size(); j++) {
            String partPath = path + "[" + j + "]";
            ObjectNode part = JsonFields.asObject(content.get(j), partPath);
            String type = JsonFields.requiredString(part, "type", partPath + ".type");
            if (!type.equals("text") && !type.equals("refusal")) {
                throw GatewayException.badRequest(partPath + ".type", "Content part type '" + type
                        + "' is not allowed here; only text");
            }
            text.append(JsonFields.requiredString(part, type, partPath + "." + type));
        }
        return text.toString();
    }

    private static List<ContentPart> userParts(JsonNode content, String path) {
        if (content != null && content.isTextual()) {
            return List.of(new ContentPart.Text(content.textValue()));
        }
        if (content == null || !content.isArray()) {
            throw JsonFields.wrongType(path, "a string or an array of content parts");
        }
        List<ContentPart> parts = new ArrayList<>(content.size());
        for (int j = 0; j < content.size(); j++) {
            String partPath = path + "[" + j + "]";
            ObjectNode part = JsonFields.asObject(content.get(j), partPath);
            String type = JsonFields.requiredString(part, "type", partPath + ".type");
            parts.add(switch (type) {
                case "text" -> new ContentPart.Text(JsonFields.requiredString(part, "text", partPath + ".text"));
                case "image_url" -> image(part, partPath + ".image_url");
                default -> throw GatewayException.badRequest(partPath + ".type",
                        "Content part type '" + type + "' is not supported; use text or image_url");
            });
        }
        return List.copyOf(parts);
    }

    private static ContentPart image(ObjectNode part, String path) {
        ObjectNode imageUrl = JsonFields.object(part, "image_url", path);
        if (imageUrl == null) {
            throw GatewayException.badRequest(path, "'" + path + "' is required");
        }
        String url = JsonFields.requiredString(imageUrl, "url", path + ".url");
        if (!url.startsWith("data:")) {
            return new ContentPart.RemoteImage(url);
        }
        int marker = url.indexOf(DATA_URL_BASE64);
        if (marker < 0) {
            throw GatewayException.badRequest(path + ".url", "Image data URLs must be base64 encoded");
        }
        return new ContentPart.InlineImage(url.substring("data:".length(), marker),
                url.substring(marker + DATA_URL_BASE64.length()));
    }
}
