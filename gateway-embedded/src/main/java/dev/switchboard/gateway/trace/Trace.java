package dev.switchboard.gateway.trace;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One request that went through the gateway, as stored and as served by the admin API. List queries leave
 * {@code requestBody}, {@code responseBody}, {@code requestHeaders}, {@code spans} and {@code hookResults} null;
 * the detail query fills them.
 *
 * @param clientTraceId   the caller's {@code x-portkey-trace-id}, which may group several requests; null if none
 * @param endpoint        {@code chat.completions}, {@code embeddings}, {@code completions}, {@code prompts.completions}
 * @param status          HTTP status the gateway returned to the caller
 * @param tokensEstimated true when the provider reported no usage and the counts come from a tokenizer
 * @param costUsd         null when the model has no known price (never a guess); 0 for answers from the cache
 * @param cacheStatus     {@code HIT}, {@code MISS}, {@code REFRESH}, or null when the request had no cache config
 * @param costSavedUsd    for cache hits, what the answer cost when it was first made
 * @param apiKeyName      the gateway API key the caller used, or null
 * @param hookResults     guardrail results in Portkey's {@code hook_results} shape, or null
 */
public record Trace(
        String id,
        String clientTraceId,
        Instant startedAt,
        long durationMs,
        Long ttftMs,
        int status,
        String provider,
        String model,
        String endpoint,
        boolean stream,
        Integer inputTokens,
        Integer outputTokens,
        Integer cachedTokens,
        Integer reasoningTokens,
        boolean tokensEstimated,
        BigDecimal costUsd,
        String finishReason,
        Map<String, String> metadata,
        String error,
        String promptName,
        Integer promptVersion,
        String cacheStatus,
        BigDecimal costSavedUsd,
        String apiKeyName,
        String requestBody,
        String responseBody,
        Map<String, String> requestHeaders,
        List<Span> spans,
        JsonNode hookResults) {

    public Trace {
        metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
    }

    public boolean ok() {
        return status < 400 && error == null;
    }

    /** The same trace without bodies, headers and spans: what list queries and the live feed carry. */
    public Trace summary() {
        return new Trace(id, clientTraceId, startedAt, durationMs, ttftMs, status, provider, model, endpoint, stream, inputTokens,
                outputTokens, cachedTokens, reasoningTokens, tokensEstimated, costUsd, finishReason, metadata, error,
                promptName, promptVersion, cacheStatus, costSavedUsd, apiKeyName, null, null, null, null, null);
    }
}
