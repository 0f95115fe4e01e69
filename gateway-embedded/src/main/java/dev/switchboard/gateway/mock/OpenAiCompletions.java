package dev.switchboard.gateway.mock;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.gateway.Json;
import dev.switchboard.gateway.provider.SseEvent;
import io.javalin.http.Context;
import java.util.List;

/** OpenAI's legacy {@code POST /v1/completions}: {@code text_completion} objects, whole or streamed. */
final class OpenAiCompletions implements MockEndpoint {

    @Override
    public ErrorFormat errors() {
        return ErrorFormat.OPENAI;
    }

    @Override
    public MockCall parse(Context ctx, JsonNode body) {
        String model = Wire.requiredText(body, "model");
        JsonNode prompt = body.path("prompt");
        // A prompt is a string or a batch of strings; the mock answers the last one.
        String lastPrompt = prompt.isArray() ? prompt.path(prompt.size() - 1).asText("") : prompt.asText("");
        return new MockCall(body, model, lastPrompt, PromptText.promptTokens(prompt), OpenAiWire.maxTokens(body),
                null, body.path("stream").asBoolean(false));
    }

    @Override
    public byte[] body(MockCall call, Reply reply) {
        ObjectNode completion = new OpenAiWire.Envelope("cmpl-", "text_completion", call.model()).json();
        completion.putArray("choices").add(choice(text(reply).text(), OpenAiWire.finishReason(reply.finish())));
        completion.set("usage", OpenAiWire.usage(reply));
        return Json.writeBytes(completion);
    }

    @Override
    public StreamScript stream(MockCall call, Reply reply) {
        OpenAiWire.Envelope envelope = new OpenAiWire.Envelope("cmpl-", "text_completion", call.model());
        List<SseEvent> tokens = text(reply).pieces().stream()
                .map(piece -> Wire.data(chunk(envelope, piece, null)))
                .toList();
        ObjectNode finish = chunk(envelope, "", OpenAiWire.finishReason(reply.finish()));
        return new StreamScript(List.of(), tokens, OpenAiWire.streamEnd(call.request(), envelope, finish, reply));
    }

    /** Text completions never carry tools, so the reply is always text. */
    private static Reply.Text text(Reply reply) {
        return (Reply.Text) reply.content();
    }

    private static ObjectNode chunk(OpenAiWire.Envelope envelope, String text, String finishReason) {
        ObjectNode chunk = envelope.json();
        chunk.putArray("choices").add(choice(text, finishReason));
        return chunk;
    }

    private static ObjectNode choice(String text, String finishReason) {
        ObjectNode choice = Json.object().put("text", text).put("index", 0);
        choice.putNull("logprobs");
        choice.put("finish_reason", finishReason);
        return choice;
    }
}
