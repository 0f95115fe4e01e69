package dev.switchboard.gateway.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.gateway.Json;
import java.util.ArrayList;
import java.util.List;

/**
 * Replays a cached whole completion as an OpenAI stream, so a streaming client gets a stream from the cache:
 * a role chunk, the content, the tool calls, the finish reason and (when asked) usage, per choice.
 */
final class CachedReplay {
    private CachedReplay() {
    }

    static List<String> chunks(JsonNode completion, boolean includeUsage) {
        List<String> chunks = new ArrayList<>();
        for (JsonNode choice : completion.path("choices")) {
            int index = choice.path("index").asInt();
            JsonNode message = choice.path("message");
            ObjectNode opening = Json.object().put("role", "assistant");
            if (message.hasNonNull("content")) {
                opening.put("content", message.get("content").asText());
            }
            chunks.add(chunk(completion, index, opening, null));
            ArrayNode calls = Json.MAPPER.createArrayNode();
            int callIndex = 0;
            for (JsonNode call : message.path("tool_calls")) {
                ObjectNode delta = call.deepCopy();
                delta.put("index", callIndex++);
                calls.add(delta);
            }
            if (!calls.isEmpty()) {
                ObjectNode delta = Json.object();
                delta.set("tool_calls", calls);
                chunks.add(chunk(completion, index, delta, null));
            }
            chunks.add(chunk(completion, index, Json.object(), choice.path("finish_reason").asText("stop")));
        }
        if (includeUsage && completion.has("usage")) {
            ObjectNode usage = header(completion);
            usage.putArray("choices");
            usage.set("usage", completion.get("usage"));
            chunks.add(Json.write(usage));
        }
        return chunks;
    }

    private static String chunk(JsonNode completion, int index, ObjectNode delta, String finishReason) {
        ObjectNode chunk = header(completion);
        ObjectNode choice = chunk.putArray("choices").addObject();
        choice.put("index", index);
        choice.set("delta", delta);
        if (finishReason == null) {
            choice.putNull("finish_reason");
        } else {
            choice.put("finish_reason", finishReason);
        }
        return Json.write(chunk);
    }

    private static ObjectNode header(JsonNode completion) {
        ObjectNode chunk = Json.object();
        chunk.put("id", completion.path("id").asText("chatcmpl-cache"));
        chunk.put("object", "chat.completion.chunk");
        chunk.put("created", completion.path("created").asLong());
        chunk.put("model", completion.path("model").asText(""));
        return chunk;
    }
}
