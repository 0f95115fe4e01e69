package dev.switchboard.gateway.provider;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.gateway.Json;

/**
 * Token counts in OpenAI's terms. {@code promptTokens} includes cached tokens and {@code completionTokens}
 * includes reasoning tokens, as in OpenAI's usage object; the details are null when the provider does not report them.
 */
public record TokenUsage(int promptTokens, int completionTokens, Integer cachedTokens, Integer reasoningTokens) {

    public ObjectNode toJson() {
        ObjectNode usage = Json.object();
        usage.put("prompt_tokens", promptTokens);
        usage.put("completion_tokens", completionTokens);
        usage.put("total_tokens", promptTokens + completionTokens);
        if (cachedTokens != null) {
            usage.putObject("prompt_tokens_details").put("cached_tokens", cachedTokens);
        }
        if (reasoningTokens != null) {
            usage.putObject("completion_tokens_details").put("reasoning_tokens", reasoningTokens);
        }
        return usage;
    }
}
