package dev.switchboard.gateway.mock;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.gateway.Json;
import dev.switchboard.gateway.provider.SseEvent;
import java.util.ArrayList;
import java.util.List;

/** What OpenAI's chat and text completions share: the envelope, usage, finish reasons and how a stream ends. */
final class OpenAiWire {
    static final SseEvent DONE = new SseEvent(null, "[DONE]");

    private OpenAiWire() {
    }

    /** One response or chunk with its {@code id}, {@code object}, {@code created} and {@code model}. */
    record Envelope(String id, String object, long created, String model) {
        Envelope(String idPrefix, String object, String model) {
            this(Wire.id(idPrefix), object, Wire.epochSeconds(), model);
        }

        ObjectNode json() {
            return Json.object().put("id", id).put("object", object).put("created", created).put("model", model);
        }
    }

    /** {@code max_completion_tokens} replaced {@code max_tokens} for chat; either limits the reply. */
    static Integer maxTokens(JsonNode request) {
        Integer limit = Wire.optionalInt(request, "max_completion_tokens");
        return limit != null ? limit : Wire.optionalInt(request, "max_tokens");
    }

    static String finishReason(Reply.Finish finish) {
        return switch (finish) {
            case STOP -> "stop";
            case LENGTH -> "length";
            case TOOL_CALL -> "tool_calls";
        };
    }

    static ObjectNode usage(Reply reply) {
        ObjectNode usage = Json.object()
                .put("prompt_tokens", reply.promptTokens())
                .put("completion_tokens", reply.completionTokens())
                .put("total_tokens", reply.totalTokens());
        usage.putObject("prompt_tokens_details").put("cached_tokens", 0);
        usage.putObject("completion_tokens_details").put("reasoning_tokens", 0);
        return usage;
    }

    /**
     * The end of a stream: the chunk carrying {@code finish_reason}, then, when the caller set
     * {@code stream_options.include_usage}, a chunk with {@code choices: []} and {@code usage}, then {@code [DONE]}.
     */
    static List<SseEvent> streamEnd(JsonNode request, Envelope envelope, ObjectNode finishChunk, Reply reply) {
        List<SseEvent> end = new ArrayList<>(3);
        end.add(Wire.data(finishChunk));
        if (request.path("stream_options").path("include_usage").asBoolean(false)) {
            ObjectNode usageChunk = envelope.json();
            usageChunk.putArray("choices");
            usageChunk.set("usage", usage(reply));
            end.add(Wire.data(usageChunk));
        }
        end.add(DONE);
        return end;
    }
}
