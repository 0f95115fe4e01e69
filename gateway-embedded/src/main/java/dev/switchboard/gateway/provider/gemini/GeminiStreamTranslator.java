package dev.switchboard.gateway.provider.gemini;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.gateway.Json;
import dev.switchboard.gateway.provider.ChunkWriter;
import dev.switchboard.gateway.provider.FinishReason;
import dev.switchboard.gateway.provider.OpenAiJson;
import dev.switchboard.gateway.provider.SseEvent;
import dev.switchboard.gateway.provider.StreamEvents;
import dev.switchboard.gateway.provider.StreamTranslator;
import dev.switchboard.gateway.provider.UpstreamStreamException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Turns Gemini's {@code streamGenerateContent?alt=sse} stream, one {@code GenerateContentResponse} per event,
 * into OpenAI chunks. Gemini sends each function call whole, so each becomes one complete tool-call delta.
 */
final class GeminiStreamTranslator implements StreamTranslator {
    private final String id;
    private final long created;
    private final String requestModel;
    private final Supplier<String> ids;
    private final Set<Integer> startedChoices = new HashSet<>();
    private final Map<Integer, Integer> toolCallsByChoice = new HashMap<>();
    private ChunkWriter chunks;
    /** Every event repeats the running totals, so the last one seen is the final usage. */
    private JsonNode lastUsage;
    /** Gemini has no end-of-stream event: a finish reason (or a blocked prompt) is the only sign it is complete. */
    private boolean finished;

    GeminiStreamTranslator(String requestModel, long created, Supplier<String> ids) {
        this.id = "chatcmpl-" + ids.get();
        this.created = created;
        this.requestModel = requestModel;
        this.ids = ids;
    }

    @Override
    public List<String> onEvent(SseEvent event) {
        JsonNode response = StreamEvents.json(event);
        JsonNode error = response.get("error");
        if (error != null) {
            throw new UpstreamStreamException(error.path("status").asText("UNKNOWN"),
                    error.path("message").asText("The provider reported an error mid-stream"));
        }
        if (chunks == null) {
            chunks = new ChunkWriter(id, created, response.path("modelVersion").asText(requestModel));
        }
        if (response.has("usageMetadata")) {
            lastUsage = response.get("usageMetadata");
        }
        List<String> out = new ArrayList<>();
        List<GeminiCandidate> candidates = GeminiCandidate.readAll(response);
        for (GeminiCandidate candidate : candidates) {
            ObjectNode delta = delta(candidate);
            FinishReason finish = GeminiFinishReason.toFinishReason(candidate.finishReason(),
                    toolCallsByChoice.getOrDefault(candidate.index(), 0) > 0);
            finished |= finish != null;
            if (!delta.isEmpty() || finish != null) {
                out.add(chunks.choice(candidate.index(), delta, finish));
            }
        }
        if (candidates.isEmpty() && GeminiCandidate.promptBlocked(response)) {
            out.add(chunks.choice(0, openingDelta(0), FinishReason.CONTENT_FILTER));
            finished = true;
        }
        return out;
    }

    @Override
    public boolean completed() {
        return finished;
    }

    @Override
    public List<String> onEnd() {
        return chunks == null || lastUsage == null
                ? List.of()
                : List.of(chunks.usage(GeminiUsage.toTokenUsage(lastUsage)));
    }

    /** A choice's first delta carries the role, as OpenAI's do. */
    private ObjectNode openingDelta(int choice) {
        ObjectNode delta = Json.object();
        if (startedChoices.add(choice)) {
            delta.put("role", "assistant");
        }
        return delta;
    }

    private ObjectNode delta(GeminiCandidate candidate) {
        ObjectNode delta = openingDelta(candidate.index());
        if (!candidate.text().isEmpty()) {
            delta.put("content", candidate.text());
        }
        if (!candidate.functionCalls().isEmpty()) {
            ArrayNode toolCalls = delta.putArray("tool_calls");
            for (GeminiCandidate.FunctionCall call : candidate.functionCalls()) {
                int index = toolCallsByChoice.merge(candidate.index(), 1, Integer::sum) - 1;
                toolCalls.add(OpenAiJson.toolCallDelta(index, call.newId(ids), call.name(), call.arguments()));
            }
        }
        return delta;
    }
}
