package dev.switchboard.gateway.provider.anthropic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.gateway.Json;
import dev.switchboard.gateway.provider.ChunkWriter;
import dev.switchboard.gateway.provider.OpenAiJson;
import dev.switchboard.gateway.provider.SseEvent;
import dev.switchboard.gateway.provider.StreamEvents;
import dev.switchboard.gateway.provider.StreamTranslator;
import dev.switchboard.gateway.provider.UpstreamStreamException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns Anthropic's Messages event stream into OpenAI chunks, one event at a time so the first byte goes out as
 * soon as it arrives. Chunk ids are the Anthropic message id, unchanged, on every chunk.
 */
final class AnthropicStreamTranslator implements StreamTranslator {
    private final long created;
    /** OpenAI numbers tool calls 0, 1, ...; Anthropic numbers all content blocks, text and thinking included. */
    private final Map<Integer, Integer> toolCallIndexByBlock = new HashMap<>();
    /** message_start reports input tokens, message_delta the output so far: merged for the final usage chunk. */
    private final ObjectNode usage = Json.object();
    private ChunkWriter chunks;
    private boolean stopped;

    AnthropicStreamTranslator(long created) {
        this.created = created;
    }

    @Override
    public List<String> onEvent(SseEvent event) {
        JsonNode data = StreamEvents.json(event);
        return switch (data.path("type").asText(String.valueOf(event.event()))) {
            case "message_start" -> messageStart(data.path("message"));
            case "content_block_start" -> blockStart(data.path("index").asInt(), data.path("content_block"));
            case "content_block_delta" -> blockDelta(data.path("index").asInt(), data.path("delta"));
            case "message_delta" -> messageDelta(data);
            case "message_stop" -> messageStop();
            case "error" -> throw new UpstreamStreamException(data.path("error").path("type").asText("api_error"),
                    data.path("error").path("message").asText("The provider reported an error mid-stream"));
            // ping, content_block_stop, and event types Anthropic may add under its versioning policy.
            default -> List.of();
        };
    }

    private List<String> messageStop() {
        stopped = true;
        return List.of(chunks().usage(AnthropicUsage.toTokenUsage(usage)));
    }

    @Override
    public boolean completed() {
        return stopped;
    }

    private List<String> messageStart(JsonNode message) {
        chunks = new ChunkWriter(message.path("id").asText(), created, message.path("model").asText());
        mergeUsage(message.path("usage"));
        ObjectNode delta = Json.object();
        delta.put("role", "assistant");
        delta.put("content", "");
        return List.of(chunks.choice(0, delta, null));
    }

    private List<String> blockStart(int blockIndex, JsonNode block) {
        String type = block.path("type").asText();
        if (type.equals("tool_use")) {
            int toolCallIndex = toolCallIndexByBlock.size();
            toolCallIndexByBlock.put(blockIndex, toolCallIndex);
            return toolCallsChunk(OpenAiJson.toolCallDelta(toolCallIndex, block.path("id").asText(),
                    block.path("name").asText(), ""));
        }
        String text = block.path("text").asText();
        return type.equals("text") && !text.isEmpty() ? contentChunk(text) : List.of();
    }

    private List<String> blockDelta(int blockIndex, JsonNode delta) {
        return switch (delta.path("type").asText()) {
            case "text_delta" -> contentChunk(delta.path("text").asText());
            case "input_json_delta" -> {
                Integer toolCallIndex = toolCallIndexByBlock.get(blockIndex);
                String fragment = delta.path("partial_json").asText();
                yield toolCallIndex == null || fragment.isEmpty()
                        ? List.of()
                        : toolCallsChunk(OpenAiJson.toolCallArgumentsDelta(toolCallIndex, fragment));
            }
            // thinking_delta, signature_delta, citations_delta: not part of an OpenAI answer.
            default -> List.of();
        };
    }

    private List<String> messageDelta(JsonNode data) {
        mergeUsage(data.path("usage"));
        String stopReason = data.path("delta").path("stop_reason").textValue();
        if (stopReason == null) {
            return List.of();
        }
        return List.of(chunks().choice(0, Json.object(), AnthropicStopReason.toFinishReason(stopReason)));
    }

    /** Later counts replace earlier ones; message_delta counts are cumulative. */
    private void mergeUsage(JsonNode counts) {
        counts.properties().forEach(field -> {
            if (field.getValue().isNumber()) {
                usage.set(field.getKey(), field.getValue());
            }
        });
    }

    private List<String> contentChunk(String text) {
        ObjectNode delta = Json.object();
        delta.put("content", text);
        return List.of(chunks().choice(0, delta, null));
    }

    private List<String> toolCallsChunk(ObjectNode toolCall) {
        ObjectNode delta = Json.object();
        delta.putArray("tool_calls").add(toolCall);
        return List.of(chunks().choice(0, delta, null));
    }

    private ChunkWriter chunks() {
        if (chunks == null) {
            throw new UpstreamStreamException("invalid_upstream_event",
                    "Anthropic stream sent content before message_start");
        }
        return chunks;
    }
}
