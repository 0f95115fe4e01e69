package dev.switchboard.gateway.mock;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.gateway.Json;
import dev.switchboard.gateway.provider.SseEvent;
import io.javalin.http.Context;
import java.util.List;

/** Anthropic {@code POST /v1/messages}: a {@code message}, or its stream from message_start to message_stop. */
final class AnthropicMessages implements MockEndpoint {

    @Override
    public ErrorFormat errors() {
        return ErrorFormat.ANTHROPIC;
    }

    @Override
    public MockCall parse(Context ctx, JsonNode body) {
        if (isBlank(ctx.header("x-api-key"))) {
            throw new MockException(401, "x-api-key header is required");
        }
        if (isBlank(ctx.header("anthropic-version"))) {
            throw MockException.badRequest("anthropic-version: header is required");
        }
        String model = Wire.requiredText(body, "model");
        Integer maxTokens = Wire.optionalInt(body, "max_tokens");
        if (maxTokens == null) {
            throw MockException.badRequest("max_tokens: Field required");
        }
        JsonNode messages = Wire.requiredArray(body, "messages");
        JsonNode tools = body.path("tools");
        JsonNode last = messages.get(messages.size() - 1);
        MockCall.Tool tool = isUserTurn(last) ? firstTool(tools) : null;
        return new MockCall(body, model, PromptText.of(last.get("content")),
                PromptText.promptTokens(body.path("system"), messages, tools), maxTokens, tool,
                body.path("stream").asBoolean(false));
    }

    /** A user turn that answers a tool call (tool_result blocks) should get text back, not another call. */
    private static boolean isUserTurn(JsonNode message) {
        if (!"user".equals(message.path("role").asText())) {
            return false;
        }
        for (JsonNode block : message.path("content")) {
            if ("tool_result".equals(block.path("type").asText())) {
                return false;
            }
        }
        return true;
    }

    private static MockCall.Tool firstTool(JsonNode tools) {
        JsonNode tool = tools.path(0);
        return tool.hasNonNull("name") ? new MockCall.Tool(tool.get("name").asText(), tool.get("input_schema")) : null;
    }

    @Override
    public byte[] body(MockCall call, Reply reply) {
        ObjectNode message = message(call.model());
        ArrayNode content = message.withArrayProperty("content");
        switch (reply.content()) {
            case Reply.Text text -> content.addObject().put("type", "text").put("text", text.text());
            case Reply.ToolCall toolCall -> toolUse(toolCall, content.addObject()).set("input", toolCall.arguments());
        }
        end(message, stopReason(reply.finish()), usage(reply.promptTokens(), reply.completionTokens()));
        return Json.writeBytes(message);
    }

    @Override
    public StreamScript stream(MockCall call, Reply reply) {
        // Anthropic reports input tokens up front and output tokens in message_delta.
        ObjectNode started = end(message(call.model()), null, usage(reply.promptTokens(), 1));
        ObjectNode blockStart = Json.object().put("type", "content_block_start").put("index", 0);
        List<SseEvent> deltas = switch (reply.content()) {
            case Reply.Text text -> {
                blockStart.putObject("content_block").put("type", "text").put("text", "");
                yield text.pieces().stream().map(piece -> delta("text_delta", "text", piece)).toList();
            }
            case Reply.ToolCall toolCall -> {
                toolUse(toolCall, blockStart.putObject("content_block")).putObject("input");
                yield toolCall.argumentFragments().stream()
                        .map(fragment -> delta("input_json_delta", "partial_json", fragment))
                        .toList();
            }
        };
        ObjectNode messageDelta = Json.object().put("type", "message_delta");
        messageDelta.putObject("delta").put("stop_reason", stopReason(reply.finish())).putNull("stop_sequence");
        messageDelta.putObject("usage").put("output_tokens", reply.completionTokens());
        List<SseEvent> opening = List.of(
                Wire.event("message_start", Json.object().put("type", "message_start").set("message", started)),
                Wire.event("content_block_start", blockStart),
                Wire.event("ping", Json.object().put("type", "ping")));
        List<SseEvent> closing = List.of(
                Wire.event("content_block_stop", Json.object().put("type", "content_block_stop").put("index", 0)),
                Wire.event("message_delta", messageDelta),
                Wire.event("message_stop", Json.object().put("type", "message_stop")));
        return new StreamScript(opening, deltas, closing);
    }

    /** A message with empty content, in Anthropic's field order. */
    private static ObjectNode message(String model) {
        ObjectNode message = Json.object().put("id", Wire.id("msg_")).put("type", "message")
                .put("role", "assistant").put("model", model);
        message.putArray("content");
        return message;
    }

    private static ObjectNode end(ObjectNode message, String stopReason, ObjectNode usage) {
        message.put("stop_reason", stopReason).putNull("stop_sequence");
        message.set("usage", usage);
        return message;
    }

    private static ObjectNode toolUse(Reply.ToolCall toolCall, ObjectNode block) {
        return block.put("type", "tool_use").put("id", Wire.id("toolu_")).put("name", toolCall.name());
    }

    private static SseEvent delta(String type, String field, String value) {
        ObjectNode event = Json.object().put("type", "content_block_delta").put("index", 0);
        event.putObject("delta").put("type", type).put(field, value);
        return Wire.event("content_block_delta", event);
    }

    private static ObjectNode usage(int inputTokens, int outputTokens) {
        return Json.object()
                .put("input_tokens", inputTokens)
                .put("cache_creation_input_tokens", 0)
                .put("cache_read_input_tokens", 0)
                .put("output_tokens", outputTokens);
    }

    private static String stopReason(Reply.Finish finish) {
        return switch (finish) {
            case STOP -> "end_turn";
            case LENGTH -> "max_tokens";
            case TOOL_CALL -> "tool_use";
        };
    }

    private static boolean isBlank(String header) {
        return header == null || header.isBlank();
    }
}
