package dev.switchboard.gateway.provider.gemini;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.gateway.provider.TokenUsage;

/** Converts Gemini's {@code usageMetadata}; thinking tokens are billed as output, so they count as completion. */
final class GeminiUsage {
    private GeminiUsage() {
    }

    /** Null when the response carries no usage. */
    static TokenUsage toTokenUsage(JsonNode usageMetadata) {
        if (usageMetadata == null || !usageMetadata.isObject()) {
            return null;
        }
        JsonNode thoughts = usageMetadata.path("thoughtsTokenCount");
        JsonNode cached = usageMetadata.path("cachedContentTokenCount");
        return new TokenUsage(
                // promptTokenCount already includes the cached part.
                usageMetadata.path("promptTokenCount").asInt(),
                usageMetadata.path("candidatesTokenCount").asInt() + thoughts.asInt(),
                cached.isNumber() ? cached.asInt() : null,
                thoughts.isNumber() ? thoughts.asInt() : null);
    }
}
