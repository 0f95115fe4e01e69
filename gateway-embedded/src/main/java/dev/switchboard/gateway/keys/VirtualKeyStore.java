package dev.switchboard.gateway.keys;

import com.fasterxml.jackson.core.type.TypeReference;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.switchboard.gateway.GatewayException;
import dev.switchboard.gateway.Json;
import dev.switchboard.gateway.routing.VirtualKeyVault;
import dev.switchboard.gateway.store.Sql;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/**
 * Provider credentials stored once, encrypted, and referenced by id. Reads are cached briefly so a request costs
 * no database round trip, yet a rotated key reaches every gateway on the database within seconds.
 */
public final class VirtualKeyStore implements VirtualKeyVault {
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");
    private static final Duration CACHE_FOR = Duration.ofSeconds(10);

    /** What the admin API shows of a virtual key: never the key, only its last characters. */
    public record VirtualKeyInfo(String id, String name, String provider, String keyHint, String customHost,
                                 Map<String, String> options, Instant createdAt, Instant updatedAt) {
    }

    /** A key to store; {@code id} is made from the name when absent. */
    public record NewVirtualKey(String id, String name, String provider, String apiKey, String customHost,
                                Map<String, String> options) {
        @Override
        public String toString() {
            return "NewVirtualKey[" + id + " " + provider + "]";
        }
    }

    private final Sql sql;
    private final SecretBox box;
    private final Clock clock;
    private final Cache<String, Optional<VirtualKey>> cache = Caffeine.newBuilder()
            .expireAfterWrite(CACHE_FOR).maximumSize(10_000).build();

    public VirtualKeyStore(Sql sql, SecretBox box, Clock clock) {
        this.sql = sql;
        this.box = box;
        this.clock = clock;
    }

    public VirtualKeyInfo create(NewVirtualKey key) {
        String id = key.id() == null || key.id().isBlank() ? slug(key.name()) : key.id().trim();
        if (!ID.matcher(id).matches()) {
            throw GatewayException.badRequest("id", "A virtual key id may use letters, digits, '.', '_' and '-'");
        }
        long now = clock.millis();
        boolean created = sql.insertIfAbsent("INSERT INTO virtual_keys (id, name, provider, encrypted_key, key_hint, "
                        + "custom_host, options, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                id, key.name(), key.provider(), box.encrypt(key.apiKey()), SecretBox.hint(key.apiKey()),
                key.customHost(), Json.write(key.options()), now, now);
        if (!created) {
            throw new GatewayException(409, "invalid_request_error", "conflict", "id",
                    "A virtual key with id '" + id + "' exists");
        }
        return info(id).orElseThrow();
    }

    /**
     * What to change of a stored key, like a JSON merge patch: null fields stay as they are, a new {@code apiKey}
     * rotates the key, and {@code customHost} changes only with {@code changesCustomHost} (null then removes it).
     */
    public record VirtualKeyChange(String name, String apiKey, boolean changesCustomHost, String customHost,
                                   Map<String, String> options) {
        @Override
        public String toString() {
            return "VirtualKeyChange[" + name + (apiKey == null ? "" : ", new key") + "]";
        }
    }

    public VirtualKeyInfo update(String id, VirtualKeyChange change) {
        VirtualKeyInfo current = info(id).orElseThrow(() -> notFound(id));
        if (change.apiKey() != null) {
            sql.update("UPDATE virtual_keys SET encrypted_key = ?, key_hint = ? WHERE id = ?",
                    box.encrypt(change.apiKey()), SecretBox.hint(change.apiKey()), id);
        }
        sql.update("UPDATE virtual_keys SET name = ?, custom_host = ?, options = ?, updated_at = ? WHERE id = ?",
                change.name() != null ? change.name() : current.name(),
                change.changesCustomHost() ? change.customHost() : current.customHost(),
                Json.write(change.options() != null ? change.options() : current.options()), clock.millis(), id);
        cache.invalidate(id);
        return info(id).orElseThrow();
    }

    public void delete(String id) {
        if (sql.update("DELETE FROM virtual_keys WHERE id = ?", id) == 0) {
            throw notFound(id);
        }
        cache.invalidate(id);
    }

    public List<VirtualKeyInfo> list() {
        return sql.query("SELECT * FROM virtual_keys ORDER BY id", VirtualKeyStore::readInfo);
    }

    public Optional<VirtualKeyInfo> info(String id) {
        return sql.one("SELECT * FROM virtual_keys WHERE id = ?", VirtualKeyStore::readInfo, id);
    }

    @Override
    public Optional<VirtualKey> find(String id) {
        return cache.get(id, key -> sql.one("SELECT * FROM virtual_keys WHERE id = ?", row -> new VirtualKey(
                row.getString("id"), row.getString("provider"), box.decrypt(row.getString("encrypted_key")),
                row.getString("custom_host"), options(row.getString("options"))), key));
    }

    static GatewayException notFound(String id) {
        return GatewayException.notFound("No virtual key '" + id + "'");
    }

    private static VirtualKeyInfo readInfo(ResultSet row) throws SQLException {
        return new VirtualKeyInfo(row.getString("id"), row.getString("name"), row.getString("provider"),
                row.getString("key_hint"), row.getString("custom_host"), options(row.getString("options")),
                Instant.ofEpochMilli(row.getLong("created_at")), Instant.ofEpochMilli(row.getLong("updated_at")));
    }

    private static Map<String, String> options(String json) {
        return json == null ? Map.of() : Json.MAPPER.convertValue(Json.read(json),
                new TypeReference<Map<String, String>>() { });
    }

    private static String slug(String name) {
        String base = name.toLowerCase().replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        if (base.isEmpty()) {
            base = "vk";
        }
        return (base.length() > 100 ? base.substring(0, 100) : base) + "-"
                + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x1000, 0x10000));
    }
}
