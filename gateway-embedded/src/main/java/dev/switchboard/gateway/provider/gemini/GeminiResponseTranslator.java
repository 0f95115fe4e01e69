package dev.switchboard.gateway.provider.gemini;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.gateway.Json;
import dev.switchboard.gateway.provider.FinishReason;
import dev.switchboard.gateway.provider.OpenAiJson;
import java.util.List;
import java.util.function.Supplier;

/** Converts a Gemini {@code GenerateContentResponse} into an OpenAI {@code chat.completion}, one choice per candidate. */
final class GeminiResponseTranslator {
    private GeminiResponseTranslator() {
    }

    static ObjectNode translate(JsonNode response, String requestModel, long created, Supplier<String> ids) {
        String id = "chatcmpl-" + ids.get();
        ArrayNode choices = Json.MAPPER.createArrayNode();
        List<GeminiCandidate> candidates = GeminiCandidate.readAll(response);
        for (GeminiCandidate candidate : candidates) {
            ArrayNode toolCalls = Json.MAPPER.createArrayNode();
            candidate.functionCalls().forEach(call ->
                    toolCalls.add(OpenAiJson.toolCall(call.newId(ids), call.name(), call.arguments())));
            FinishReason finish = GeminiFinishReason.toFinishReason(candidate.finishReason(), !toolCalls.isEmpty());
            choices.add(OpenAiJson.choice(candidate.index(), OpenAiJson.assistantMessage(candidate.text(), toolCalls),
                    finish));
        }
        if (candidates.isEmpty() && GeminiCandidate.promptBlocked(response)) {
            // A blocked prompt gets no candidates; an empty filtered choice keeps the shape clients expect.
            ObjectNode empty = OpenAiJson.assistantMessage("", Json.MAPPER.createArrayNode());
            choices.add(OpenAiJson.choice(0, empty, FinishReason.CONTENT_FILTER));
        }
        String model = response.path("modelVersion").asText(requestModel);
        return OpenAiJson.completion(id, created, model, choices, GeminiUsage.toTokenUsage(response.get("usageMetadata")));
    }
}
