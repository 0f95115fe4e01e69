package dev.switchboard.gateway.cache;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.switchboard.gateway.HeapBudget;
import dev.switchboard.gateway.store.Sql;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Exact-match answers: an in-memory front for speed, the database behind it so answers survive restarts and are
 * shared by every gateway on the database. Writes to the database happen off the request path.
 */
public final class ResponseCache {
    private static final Logger LOG = LoggerFactory.getLogger(ResponseCache.class);
    /**
     * The in-memory front holds up to this many characters of answers (plus a small allowance per entry), not a
     * count: ten thousand long answers would take a large share of a small heap. A tenth of the heap, at most 16 M
     * characters (32 MB); the database keeps the rest.
     */
    private static final long MEMORY_CHARS = HeapBudget.bytes(10, 32L * 1024 * 1024) / Character.BYTES;
    private static final int ENTRY_ALLOWANCE = 256;
    /** After a failed database read, answer from memory only for this long rather than wait on every lookup. */
    private static final Duration DATABASE_PAUSE = Duration.ofSeconds(10);

    /** A stored answer: the provider's OpenAI-format body (a whole completion, never a stream). */
    public record CachedAnswer(String body, String provider, Instant expiresAt) {
    }

    private final Sql sql;
    private final Clock clock;
    private final Executor writes;
    private final Cache<String, CachedAnswer> memory = Caffeine.newBuilder().maximumWeight(MEMORY_CHARS)
            .weigher((String key, CachedAnswer answer) -> ENTRY_ALLOWANCE + key.length() + answer.body().length())
            .build();
    private volatile Instant databaseBackAt = Instant.MIN;

    public ResponseCache(Sql sql, Clock clock, Executor writes) {
        this.sql = sql;
        this.clock = clock;
        this.writes = writes;
    }

    public Optional<CachedAnswer> get(String key) {
        Instant now = clock.instant();
        CachedAnswer answer = memory.getIfPresent(key);
        if (answer == null && now.isAfter(databaseBackAt)) {
            try {
                answer = sql.one("SELECT body, provider, expires_at FROM cache_entries WHERE cache_key = ?",
                        row -> new CachedAnswer(row.getString(1), row.getString(2),
                                Instant.ofEpochMilli(row.getLong(3))), key).orElse(null);
            } catch (RuntimeException e) {
                // A cache is an optimisation: without the database, answer from the upstream instead.
                databaseBackAt = now.plus(DATABASE_PAUSE);
                LOG.warn("Cannot read the cache from the database ({}); using memory only for {} s", e.getMessage(),
                        DATABASE_PAUSE.toSeconds());
            }
            if (answer != null) {
                memory.put(key, answer);
            }
        }
        if (answer == null || !now.isBefore(answer.expiresAt())) {
            return Optional.empty();
        }
        return Optional.of(answer);
    }

    public void put(String key, String body, String provider, Duration maxAge) {
        Instant now = clock.instant();
        CachedAnswer answer = new CachedAnswer(body, provider, now.plus(maxAge));
        memory.put(key, answer);
        writes.execute(() -> {
            try {
                sql.update("DELETE FROM cache_entries WHERE cache_key = ?", key);
                sql.insertIfAbsent("INSERT INTO cache_entries (cache_key, created_at, expires_at, provider, body) "
                        + "VALUES (?, ?, ?, ?, ?)", key, now.toEpochMilli(), answer.expiresAt().toEpochMilli(),
                        provider, body);
            } catch (RuntimeException e) {
                LOG.warn("Cannot store a cached answer in the database; it stays in memory only", e);
            }
        });
    }

    /** Drops expired answers from the database; run in the background. */
    public int purgeExpired() {
        return sql.update("DELETE FROM cache_entries WHERE expires_at <= ?", clock.millis());
    }
}
