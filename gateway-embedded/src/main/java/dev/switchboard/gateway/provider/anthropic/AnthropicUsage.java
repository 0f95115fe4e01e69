package dev.switchboard.gateway.provider.anthropic;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.gateway.provider.TokenUsage;

/** Converts Anthropic's usage object, whose {@code input_tokens} leaves out cache reads and writes. */
final class AnthropicUsage {
    private AnthropicUsage() {
    }

    /** Null when the message carries no usage. */
    static TokenUsage toTokenUsage(JsonNode usage) {
        if (usage == null || !usage.isObject()) {
            return null;
        }
        int cacheRead = usage.path("cache_read_input_tokens").asInt();
        int prompt = usage.path("input_tokens").asInt() + cacheRead + usage.path("cache_creation_input_tokens").asInt();
        Integer cached = usage.path("cache_read_input_tokens").isNumber() ? cacheRead : null;
        return new TokenUsage(prompt, usage.path("output_tokens").asInt(), cached, null);
    }
}
