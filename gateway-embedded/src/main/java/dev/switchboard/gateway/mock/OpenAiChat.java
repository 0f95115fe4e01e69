package dev.switchboard.gateway.mock;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.gateway.Json;
import dev.switchboard.gateway.provider.SseEvent;
import io.javalin.http.Context;
import java.util.List;

/** OpenAI {@code POST /v1/chat/completions}: a {@code chat.completion} or a stream of {@code chat.completion.chunk}. */
final class OpenAiChat implements MockEndpoint {

    @Override
    public ErrorFormat errors() {
        return ErrorFormat.OPENAI;
    }

    @Override
    public MockCall parse(Context ctx, JsonNode body) {
        String model = Wire.requiredText(body, "model");
        JsonNode messages = Wire.requiredArray(body, "messages");
        JsonNode tools = body.path("tools");
        JsonNode last = messages.get(messages.size() - 1);
        MockCall.Tool tool = "user".equals(last.path("role").asText()) ? firstTool(tools) : null;
        return new MockCall(body, model, PromptText.of(last.get("content")),
                PromptText.promptTokens(messages, tools), OpenAiWire.maxTokens(body), tool,
                body.path("stream").asBoolean(false));
    }

    private static MockCall.Tool firstTool(JsonNode tools) {
        JsonNode function = tools.path(0).path("function");
        return function.hasNonNull("name")
                ? new MockCall.Tool(function.get("name").asText(), function.get("parameters"))
                : null;
    }

    @Override
    public byte[] body(MockCall call, Reply reply) {
        ObjectNode message = Json.object().put("role", "assistant");
        switch (reply.content()) {
            case Reply.Text text -> message.put("content", text.text()).putNull("refusal");
            case Reply.ToolCall toolCall -> {
                message.putNull("content");
                message.putArray("tool_calls").addObject()
                        .put("id", Wire.id("call_"))
                        .put("type", "function")
                        .putObject("function")
                        .put("name", toolCall.name())
                        .put("arguments", toolCall.argumentsJson());
            }
        }
        ObjectNode completion = new OpenAiWire.Envelope("chatcmpl-", "chat.completion", call.model()).json();
        ObjectNode choice = completion.putArray("choices").addObject().put("index", 0);
        choice.set("message", message);
        choice.putNull("logprobs");
        choice.put("finish_reason", OpenAiWire.finishReason(reply.finish()));
        completion.set("usage", OpenAiWire.usage(reply));
        return Json.writeBytes(completion);
    }

    @Override
    public StreamScript stream(MockCall call, Reply reply) {
        OpenAiWire.Envelope envelope = new OpenAiWire.Envelope("chatcmpl-", "chat.completion.chunk", call.model());
        ObjectNode firstDelta = Json.object().put("role", "assistant");
        List<SseEvent> tokens = switch (reply.content()) {
            case Reply.Text text -> {
                firstDelta.put("content", "");
                yield text.pieces().stream()
                        .map(piece -> chunk(envelope, Json.object().put("content", piece), null))
                        .toList();
            }
            case Reply.ToolCall toolCall -> {
                // The first chunk names the call; later ones carry only the index and argument fragments.
                firstDelta.putNull("content");
                firstDelta.putArray("tool_calls").addObject()
                        .put("index", 0)
                        .put("id", Wire.id("call_"))
                        .put("type", "function")
                        .putObject("function").put("name", toolCall.name()).put("arguments", "");
                yield toolCall.argumentFragments().stream()
                        .map(fragment -> chunk(envelope, argumentsDelta(fragment), null))
                        .toList();
            }
        };
        ObjectNode finish = chunkJson(envelope, Json.object(), OpenAiWire.finishReason(reply.finish()));
        return new StreamScript(List.of(chunk(envelope, firstDelta, null)), tokens,
                OpenAiWire.streamEnd(call.request(), envelope, finish, reply));
    }

    private static ObjectNode argumentsDelta(String fragment) {
        ObjectNode delta = Json.object();
        delta.putArray("tool_calls").addObject().put("index", 0).putObject("function").put("arguments", fragment);
        return delta;
    }

    private static SseEvent chunk(OpenAiWire.Envelope envelope, ObjectNode delta, String finishReason) {
        return Wire.data(chunkJson(envelope, delta, finishReason));
    }

    private static ObjectNode chunkJson(OpenAiWire.Envelope envelope, ObjectNode delta, String finishReason) {
        ObjectNode chunk = envelope.json();
        ObjectNode choice = chunk.putArray("choices").addObject().put("index", 0);
        choice.set("delta", delta);
        choice.putNull("logprobs");
        choice.put("finish_reason", finishReason);
        return chunk;
    }
}
