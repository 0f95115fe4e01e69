package dev.switchboard.gateway.keys;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A key callers of the gateway present: who it is for, what it may use, and its limits (null = no limit).
 * The secret itself is never stored, only its hash; {@code prefix} is what may be shown.
 */
public record ApiKey(String id, String name, String team, String prefix, List<String> allowedModels,
                     Integer requestsPerMinute, Integer tokensPerMinute, BigDecimal budgetDayUsd,
                     BigDecimal budgetMonthUsd, Instant createdAt, Instant revokedAt) {
    public ApiKey {
        allowedModels = allowedModels == null ? List.of() : List.copyOf(allowedModels);
    }

    public boolean active() {
        return revokedAt == null;
    }
}
