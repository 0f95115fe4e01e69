package dev.switchboard.gateway.routing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.gateway.GatewayException;
import dev.switchboard.gateway.Json;
import dev.switchboard.gateway.keys.SecretBox;
import dev.switchboard.gateway.store.Sql;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * Routing configs saved in the gateway, versioned: saving under an existing id adds a version, so what a request
 * used can always be looked up. {@code api_key} values are encrypted at rest and never shown again.
 */
public final class ConfigStore implements SavedConfigs {
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");
    private static final String REDACTED = "[redacted]";

    /** One version of a saved config, as the admin API shows it (secrets redacted). */
    public record SavedConfig(String id, int version, JsonNode config, Instant createdAt, String createdBy) {
    }

    private final Sql sql;
    private final SecretBox box;
    private final ConfigParser parser;
    private final Clock clock;

    public ConfigStore(Sql sql, SecretBox box, ConfigParser parser, Clock clock) {
        this.sql = sql;
        this.box = box;
        this.parser = parser;
        this.clock = clock;
    }

    /** Checks the config, then stores it as the next version of {@code id}. */
    public SavedConfig save(String id, JsonNode config, String by) {
        if (id == null || !ID.matcher(id).matches()) {
            throw GatewayException.badRequest("id", "A config id may use letters, digits, '.', '_' and '-'");
        }
        parser.parse(config, Duration.ofMinutes(10));
        String sealed = Json.write(transformSecrets(config.deepCopy(), box::encrypt));
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
        String id = at < 0 ? reference : reference.substring(0, at);
        Optional<String> stored;
        if (at < 0) {
            stored = sql.one("SELECT config FROM routing_configs WHERE id = ? ORDER BY version DESC",
                    row -> row.getString(1), id);
        } else {
            int version;
            try {
                version = Integer.parseInt(reference.substring(at + 1));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
            stored = sql.one("SELECT config FROM routing_configs WHERE id = ? AND version = ?",
                    row -> row.getString(1), id, version);
        }
        return stored.map(text -> transformSecrets(Json.read(text), box::decrypt));
    }

    private int latestVersion(String id) {
        return sql.one("SELECT MAX(version) FROM routing_configs WHERE id = ?", row -> row.getInt(1), id).orElse(0);
    }

    private SavedConfig redacted(java.sql.ResultSet row) throws java.sql.SQLException {
        JsonNode config = transformSecrets(Json.read(row.getString("config")), sealed -> REDACTED);
        return new SavedConfig(row.getString("id"), row.getInt("version"), config,
                Instant.ofEpochMilli(row.getLong("created_at")), row.getString("created_by"));
    }

    /** Applies {@code change} to every {@code api_key} value anywhere in the config. */
    private static JsonNode transformSecrets(JsonNode node, UnaryOperator<String> change) {
        if (node instanceof ObjectNode object) {
            JsonNode key = object.get("api_key");
            if (key != null && key.isTextual()) {
                object.put("api_key", change.apply(key.asText()));
            }
        }
        node.forEach(child -> transformSecrets(child, change));
        return node;
    }

    private static GatewayException notFound(String id) {
        return GatewayException.notFound("No saved config '" + id + "'");
    }
}
