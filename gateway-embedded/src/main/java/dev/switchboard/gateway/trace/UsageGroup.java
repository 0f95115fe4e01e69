package dev.switchboard.gateway.trace;

import java.math.BigDecimal;

/** Totals of one group (a model, a provider or one metadata value) over a time range. */
public record UsageGroup(
        String key,
        long requests,
        long errors,
        long inputTokens,
        long outputTokens,
        BigDecimal costUsd,
        Long p50Ms,
        Long p95Ms) {
}
