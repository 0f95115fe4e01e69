package dev.switchboard.gateway.trace;

import java.time.Instant;

/**
 * One step of a trace, usually one upstream attempt. {@code kind} is {@code attempt} for calls to a provider;
 * later features add others (cache, guardrail). {@code url} never carries a key.
 */
public record Span(
        int index,
        String kind,
        String provider,
        String model,
        String url,
        Instant startedAt,
        long durationMs,
        Integer status,
        String error) {
}
