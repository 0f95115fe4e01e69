package dev.switchboard.gateway.trace;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * Filters for listing traces; every field is optional and they combine with AND.
 *
 * @param status        {@code ok}, {@code error} or an exact HTTP status such as {@code 429}
 * @param text          free text matched against request and response bodies, model, error and id
 * @param metadataKey   with {@code metadataValue}: only traces whose metadata has that pair
 * @param cursor        opaque cursor from a previous page's {@code nextCursor}
 */
public record TraceQuery(
        Integer limit,
        String cursor,
        String provider,
        String model,
        String status,
        String text,
        String promptName,
        Instant from,
        Instant to,
        String metadataKey,
        String metadataValue,
        Long minDurationMs,
        BigDecimal minCostUsd) {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 1000;

    public static TraceQuery latest(int limit) {
        return new TraceQuery(limit, null, null, null, null, null, null, null, null, null, null, null, null);
    }

    public int effectiveLimit() {
        if (limit == null || limit <= 0) {
            return DEFAULT_LIMIT;
        }
        return Math.min(limit, MAX_LIMIT);
    }

    public TraceQuery withCursor(String nextCursor) {
        return new TraceQuery(limit, nextCursor, provider, model, status, text, promptName, from, to, metadataKey,
                metadataValue, minDurationMs, minCostUsd);
    }
}
