package dev.switchboard.gateway.trace;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.gateway.Json;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Folds OpenAI stream chunks back into the {@code chat.completion} they add up to, so a streamed call is stored
 * and shown like a plain one: content joined, tool-call argument fragments joined per tool call, usage kept.
 */
public final class StreamAccumulator {

    private StreamAccumulator() {
    }

    public static ObjectNode fold(List<String> chunks) {
        ObjectNode completion = Json.object();
        Map<Integer, ChoiceState> choices = new TreeMap<>();
        for (String text : chunks) {
            JsonNode chunk;
            try {
                chunk = Json.read(text);
            } catch (UncheckedIOException malformed) {
                continue;
            }
            copyIfAbsent(chunk, completion, "id");
            copyIfAbsent(chunk, completion, "created");
            copyIfAbsent(chunk, completion, "model");
            copyIfAbsent(chunk, completion, "system_fingerprint");
            if (chunk.hasNonNull("usage")) {
                completion.set("usage", chunk.get("usage"));
            }
            for (JsonNode choice : chunk.path("choices")) {
                choices.computeIfAbsent(choice.path("index").asInt(), ChoiceState::new).apply(choice);
            }
        }
        completion.put("object", "chat.completion");
        ArrayNode out = completion.putArray("choices");
        choices.values().forEach(state -> out.add(state.toJson()));
        if (completion.has("usage")) {
            // keep usage last, as OpenAI orders it
            completion.set("usage", completion.remove("usage"));
        }
        return completion;
    }

    private static void copyIfAbsent(JsonNode from, ObjectNode to, String field) {
        if (!to.has(field) && from.hasNonNull(field)) {
            to.set(field, from.get(field));
        }
    }

    private static final class ChoiceState {
        private final int index;
        private String role = "assistant";
        private final StringBuilder content = new StringBuilder();
        private boolean hasContent;
        private final Map<Integer, ObjectNode> toolCalls = new TreeMap<>();
        private final Map<Integer, StringBuilder> arguments = new TreeMap<>();
        private String finishReason;

        ChoiceState(int index) {
            this.index = index;
        }

        void apply(JsonNode choice) {
            JsonNode delta = choice.path("delta");
            if (delta.hasNonNull("role")) {
                role = delta.get("role").asText();
            }
            if (delta.hasNonNull("content")) {
                content.append(delta.get("content").asText());
                hasContent = true;
            }
            for (JsonNode call : delta.path("tool_calls")) {
                int callIndex = call.path("index").asInt();
                ObjectNode state = toolCalls.computeIfAbsent(callIndex, i -> {
                    ObjectNode node = Json.object();
                    node.putObject("function");
                    return node;
                });
                if (call.hasNonNull("id")) {
                    state.put("id", call.get("id").asText());
                }
                if (call.hasNonNull("type")) {
                    state.put("type", call.get("type").asText());
                }
                JsonNode function = call.path("function");
                if (function.hasNonNull("name")) {
                    ((ObjectNode) state.get("function")).put("name", function.get("name").asText());
                }
                if (function.hasNonNull("arguments")) {
                    arguments.computeIfAbsent(callIndex, i -> new StringBuilder())
                            .append(function.get("arguments").asText());
                }
            }
            if (choice.hasNonNull("finish_reason")) {
                finishReason = choice.get("finish_reason").asText();
            }
        }

        ObjectNode toJson() {
            ObjectNode choice = Json.object();
            choice.put("index", index);
            ObjectNode message = choice.putObject("message");
            message.put("role", role);
            if (hasContent || toolCalls.isEmpty()) {
                message.put("content", content.toString());
            } else {
                message.putNull("content");
            }
            if (!toolCalls.isEmpty()) {
                ArrayNode calls = message.putArray("tool_calls");
                toolCalls.forEach((i, call) -> {
                    if (!call.has("type")) {
                        call.put("type", "function");
                    }
                    StringBuilder args = arguments.get(i);
                    ((ObjectNode) call.get("function")).put("arguments", args == null ? "" : args.toString());
                    calls.add(call);
                });
            }
            if (finishReason == null) {
                choice.putNull("finish_reason");
            } else {
                choice.put("finish_reason", finishReason);
            }
            return choice;
        }
    }
}
