package dev.switchboard.gateway.trace;

import java.time.Instant;

/**
 * One step of a trace. {@code kind} is {@code attempt} for a call to a provider, {@code skipped} for a target
 * left out because its circuit is open, {@code cache} for an answer served from the cache. {@code target} is the
 * config path of the target ({@code config.targets[1]}), {@code retry} counts retries of that target (0 = first
 * try). {@code url} never carries a key.
 */
public record Span(
        int index,
        String kind,
        String target,
        int retry,
        String provider,
        String model,
        String url,
        Instant startedAt,
        long durationMs,
        Integer status,
        String error) {
}
