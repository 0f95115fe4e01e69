package dev.switchboard.gateway.keys;

import dev.switchboard.gateway.store.Sql;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * Per-key counters for rate limits and budgets, kept in the database and changed only with conditional
 * {@code UPDATE}s, so any number of gateways on one database enforce the same limits without racing.
 */
public final class UsageCounters {

    /** A counting window: a minute, a UTC day or a UTC month. */
    public enum Period {
        MINUTE, DAY, MONTH;

        public String key(Instant at) {
            return switch (this) {
                case MINUTE -> "min:" + at.getEpochSecond() / 60;
                case DAY -> "day:" + at.atZone(ZoneOffset.UTC).toLocalDate();
                case MONTH -> "mon:" + at.atZone(ZoneOffset.UTC).toLocalDate().withDayOfMonth(1);
            };
        }

        /** When the window that holds {@code at} ends. */
        public Instant resetsAt(Instant at) {
            return switch (this) {
                case MINUTE -> at.truncatedTo(ChronoUnit.MINUTES).plus(1, ChronoUnit.MINUTES);
                case DAY -> at.atZone(ZoneOffset.UTC).toLocalDate().plusDays(1).atStartOfDay(ZoneOffset.UTC)
                        .toInstant();
                case MONTH -> at.atZone(ZoneOffset.UTC).toLocalDate().withDayOfMonth(1).plusMonths(1)
                        .atStartOfDay(ZoneOffset.UTC).toInstant();
            };
        }
    }

    /** What a key used in one window. */
    public record Usage(long requests, long tokens, BigDecimal costUsd, BigDecimal reservedUsd) {
        static final Usage NONE = new Usage(0, 0, BigDecimal.ZERO, BigDecimal.ZERO);
    }

    private final Sql sql;

    public UsageCounters(Sql sql) {
        this.sql = sql;
    }

    /** Counts one request unless that would pass {@code limit}. */
    public boolean tryCountRequest(String keyId, String period, int limit) {
        ensureRow(keyId, period);
        return sql.update("UPDATE api_key_usage SET requests = requests + 1 WHERE key_id = ? AND period = ? "
                + "AND requests < ?", keyId, period, (long) limit) == 1;
    }

    /** Sets {@code amount} aside for a request in flight, unless spent + reserved + amount would pass the budget. */
    public boolean tryReserve(String keyId, String period, BigDecimal amount, BigDecimal budget) {
        ensureRow(keyId, period);
        return sql.update("UPDATE api_key_usage SET reserved_usd = reserved_usd + ? WHERE key_id = ? AND period = ? "
                + "AND cost_usd + reserved_usd + ? <= ? AND cost_usd < ?", amount, keyId, period, amount, budget,
                budget) == 1;
    }

    /** Replaces a reservation by what the request really cost, and adds its tokens. */
    public void settle(String keyId, String period, BigDecimal reserved, BigDecimal cost, long tokens) {
        ensureRow(keyId, period);
        sql.update("UPDATE api_key_usage SET reserved_usd = reserved_usd - ?, cost_usd = cost_usd + ?, "
                + "tokens = tokens + ? WHERE key_id = ? AND period = ?", reserved, cost, tokens, keyId, period);
    }

    public Usage usage(String keyId, String period) {
        return sql.one("SELECT requests, tokens, cost_usd, reserved_usd FROM api_key_usage WHERE key_id = ? "
                        + "AND period = ?", row -> new Usage(row.getLong(1), row.getLong(2),
                        row.getBigDecimal(3).stripTrailingZeros(), row.getBigDecimal(4).stripTrailingZeros()),
                keyId, period).orElse(Usage.NONE);
    }

    private void ensureRow(String keyId, String period) {
        sql.insertIfAbsent("INSERT INTO api_key_usage (key_id, period, requests, tokens, cost_usd, reserved_usd) "
                + "VALUES (?, ?, 0, 0, 0, 0)", keyId, period);
    }
}
