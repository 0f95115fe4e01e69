package dev.switchboard.gateway.routing;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.gateway.GatewayException;
import dev.switchboard.gateway.Json;
import dev.switchboard.gateway.keys.SecretBox;
import dev.switchboard.gateway.store.Sql;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Routing configs saved in the gateway, versioned: saving under an existing id adds a version, so what a request
 * used can always be looked up. {@code api_key} values are encrypted at rest and never shown again.
 */
public final class ConfigStore implements SavedConfigs {
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");

    /** One version of a saved config, as the admin API shows it (secrets redacted). */
    public record SavedConfig(String id, int version, JsonNode config, Instant createdAt, String createdBy) {
    }

    private final Sql sql;
    private final ConfigSecrets secrets;
    private final ConfigParser parser;
    private final Clock clock;

    public ConfigStore(Sql sql, SecretBox box, ConfigParser parser, Clock clock) {
        this.sql = sql;
        this.secrets = new ConfigSecrets(box);
        this.parser = parser;
        this.clock = clock;
    }

    /**
     * Checks the config, then stores it as the next version of {@code id}. Keys that read {@code [redacted]} keep
     * the latest version's key at the same JSON path.
     */
    public SavedConfig save(String id, JsonNode config, String by) {
        if (id == null || !ID.matcher(id).matches()) {
            throw GatewayException.badRequest("id", "A config id may use letters, digits, '.', '_' and '-'");
        }
        parser.parse(config, Duration.ofMinutes(10));
        JsonNode previous = latestSealed(id).map(Json::read).orElse(null);
        return insertNextVersion(id, Json.write(secrets.seal(config.deepCopy(), previous)), by);
    }

    /** Saves an older version again, keys included, as the next version: what rolling back means here. */
    public SavedConfig restore(String id, int version, String by) {
        String sealed = sql.one("SELECT config FROM routing_configs WHERE id = ? AND version = ?",
                row -> row.getString(1), id, version).orElseThrow(() -> GatewayException.notFound(
                        "Config '" + id + "' has no version " + version));
        // A provider the gateway no longer knows is refused now rather than on the first request.
        parser.parse(ConfigSecrets.redact(Json.read(sealed)), Duration.ofMinutes(10));
        return insertNextVersion(id, sealed, by);
    }

    private SavedConfig insertNextVersion(String id, String sealed, String by) {
        for (int attempt = 0; attempt < 5; attempt++) {
            int next = latestVersion(id) + 1;
            if (sql.insertIfAbsent("INSERT INTO routing_configs (id, version, config, created_at, created_by) "
                    + "VALUES (?, ?, ?, ?, ?)", id, next, sealed, clock.millis(), by)) {
                return get(id, next).orElseThrow();
            }
        }
        throw new GatewayException(409, "invalid_request_error", "conflict", "id",
                "Config '" + id + "' is being changed by someone else; try again");
    }

    public List<SavedConfig> listLatest() {
        return sql.query("SELECT c.* FROM routing_configs c WHERE c.version = "
                + "(SELECT MAX(v.version) FROM routing_configs v WHERE v.id = c.id) ORDER BY c.id", this::redacted);
    }

    public List<SavedConfig> versions(String id) {
        List<SavedConfig> versions = sql.query("SELECT * FROM routing_configs WHERE id = ? ORDER BY version",
                this::redacted, id);
        if (versions.isEmpty()) {
            throw notFound(id);
        }
        return versions;
    }

    public Optional<SavedConfig> get(String id, int version) {
        return sql.one("SELECT * FROM routing_configs WHERE id = ? AND version = ?", this::redacted, id, version);
    }

    public void delete(String id) {
        if (sql.update("DELETE FROM routing_configs WHERE id = ?", id) == 0) {
            throw notFound(id);
        }
    }

    /** {@code id} for the latest version, {@code id@3} for version 3. */
    @Override
    public Optional<JsonNode> resolve(String reference) {
        int at = reference.lastIndexOf('@');
        Optional<String> stored;
        if (at < 0) {
            stored = latestSealed(reference);
        } else {
            int version;
            try {
                version = Integer.parseInt(reference.substring(at + 1));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
            stored = sql.one("SELECT config FROM routing_configs WHERE id = ? AND version = ?",
                    row -> row.getString(1), reference.substring(0, at), version);
        }
        return stored.map(text -> secrets.open(Json.read(text)));
    }

    private Optional<String> latestSealed(String id) {
        return sql.one("SELECT config FROM routing_configs WHERE id = ? AND version = "
                + "(SELECT MAX(version) FROM routing_configs WHERE id = ?)", row -> row.getString(1), id, id);
    }

    private int latestVersion(String id) {
        return sql.one("SELECT MAX(version) FROM routing_configs WHERE id = ?", row -> row.getInt(1), id).orElse(0);
    }

    private SavedConfig redacted(java.sql.ResultSet row) throws java.sql.SQLException {
        return new SavedConfig(row.getString("id"), row.getInt("version"),
                ConfigSecrets.redact(Json.read(row.getString("config"))),
                Instant.ofEpochMilli(row.getLong("created_at")), row.getString("created_by"));
    }

    private static GatewayException notFound(String id) {
        return GatewayException.notFound("No saved config '" + id + "'");
    }
}
