package dev.switchboard.gateway.keys;

import com.fasterxml.jackson.core.type.TypeReference;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.switchboard.gateway.GatewayException;
import dev.switchboard.gateway.Json;
import dev.switchboard.gateway.store.Sql;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/** Gateway API keys: created with a random secret shown once, found again by the secret's SHA-256. */
public final class ApiKeyStore {
    private static final Duration CACHE_FOR = Duration.ofSeconds(10);
    private static final String SECRET_PREFIX = "sbk-";

    /** A new key and its secret, which is never available again. */
    public record CreatedKey(ApiKey key, String secret) {
        @Override
        public String toString() {
            return "CreatedKey[" + key.name() + "]";
        }
    }

    /** The limits a key is created or updated with; null fields mean no limit. */
    public record Limits(List<String> allowedModels, Integer requestsPerMinute, Integer tokensPerMinute,
                         BigDecimal budgetDayUsd, BigDecimal budgetMonthUsd) {
    }

    private final Sql sql;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final Cache<String, Optional<ApiKey>> byHash = Caffeine.newBuilder()
            .expireAfterWrite(CACHE_FOR).maximumSize(10_000).build();

    public ApiKeyStore(Sql sql, Clock clock) {
        this.sql = sql;
        this.clock = clock;
    }

    public CreatedKey create(String name, String team, Limits limits) {
        if (name == null || name.isBlank()) {
            throw GatewayException.badRequest("name", "An API key needs a name");
        }
        byte[] bytes = new byte[24];
        random.nextBytes(bytes);
        String secret = SECRET_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        String id = "key_" + HexFormat.of().formatHex(bytes, 0, 6);
        sql.update("INSERT INTO api_keys (id, name, team, key_hash, key_prefix, allowed_models, requests_per_minute, "
                        + "tokens_per_minute, budget_day_usd, budget_month_usd, created_at) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                id, name.trim(), team, hash(secret), secret.substring(0, 10), Json.write(limits.allowedModels()),
                intOrNull(limits.requestsPerMinute()), intOrNull(limits.tokensPerMinute()),
                decimalOrNull(limits.budgetDayUsd()), decimalOrNull(limits.budgetMonthUsd()), clock.millis());
        return new CreatedKey(get(id).orElseThrow(), secret);
    }

    public ApiKey update(String id, String name, String team, Limits limits) {
        ApiKey current = get(id).orElseThrow(() -> notFound(id));
        sql.update("UPDATE api_keys SET name = ?, team = ?, allowed_models = ?, requests_per_minute = ?, "
                        + "tokens_per_minute = ?, budget_day_usd = ?, budget_month_usd = ? WHERE id = ?",
                name != null ? name : current.name(), team != null ? team : current.team(),
                Json.write(limits.allowedModels()), intOrNull(limits.requestsPerMinute()),
                intOrNull(limits.tokensPerMinute()), decimalOrNull(limits.budgetDayUsd()),
                decimalOrNull(limits.budgetMonthUsd()), id);
        byHash.invalidateAll();
        return get(id).orElseThrow();
    }

    public ApiKey revoke(String id) {
        if (sql.update("UPDATE api_keys SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL", clock.millis(), id)
                == 0) {
            get(id).orElseThrow(() -> notFound(id));
        }
        byHash.invalidateAll();
        return get(id).orElseThrow();
    }

    public List<ApiKey> list() {
        return sql.query("SELECT * FROM api_keys ORDER BY created_at", ApiKeyStore::read);
    }

    public Optional<ApiKey> get(String id) {
        return sql.one("SELECT * FROM api_keys WHERE id = ?", ApiKeyStore::read, id);
    }

    /** The active key with this secret, if any. */
    public Optional<ApiKey> authenticate(String secret) {
        String hash = hash(secret);
        return byHash.get(hash, h -> sql.one("SELECT * FROM api_keys WHERE key_hash = ?", ApiKeyStore::read, h))
                .filter(ApiKey::active);
    }

    static GatewayException notFound(String id) {
        return GatewayException.notFound("No API key '" + id + "'");
    }

    private static ApiKey read(ResultSet row) throws SQLException {
        String models = row.getString("allowed_models");
        Long revoked = Sql.longValue(row, "revoked_at");
        return new ApiKey(row.getString("id"), row.getString("name"), row.getString("team"),
                row.getString("key_prefix"),
                models == null ? List.of() : Json.MAPPER.convertValue(Json.read(models),
                        new TypeReference<List<String>>() { }),
                Sql.integer(row, "requests_per_minute"), Sql.integer(row, "tokens_per_minute"),
                strip(row.getBigDecimal("budget_day_usd")), strip(row.getBigDecimal("budget_month_usd")),
                Instant.ofEpochMilli(row.getLong("created_at")), revoked == null ? null : Instant.ofEpochMilli(revoked));
    }

    private static BigDecimal strip(BigDecimal value) {
        return value == null ? null : value.stripTrailingZeros();
    }

    private static Object intOrNull(Integer value) {
        return value == null ? Sql.NullOf.INTEGER : value;
    }

    private static Object decimalOrNull(BigDecimal value) {
        return value == null ? Sql.NullOf.DECIMAL : value;
    }

    private static String hash(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is unavailable", e);
        }
    }
}
