package dev.switchboard.gateway.keys;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import dev.switchboard.gateway.store.Sql;
import java.time.Duration;

/** Gateway-wide switches kept in the database, so every gateway on it behaves the same. */
public final class GatewaySettings {
    private static final String REQUIRE_API_KEYS = "require_api_keys";

    private final Sql sql;
    private final LoadingCache<String, String> values;

    public GatewaySettings(Sql sql) {
        this.sql = sql;
        // Refreshed in the background, keeping the last value when that fails: a request must not wait for, or
        // fail with, a database that is briefly unreachable.
        this.values = Caffeine.newBuilder().refreshAfterWrite(Duration.ofSeconds(5))
                .build(name -> sql.one("SELECT setting_value FROM gateway_settings WHERE setting_name = ?", row -> row.getString(1),
                        name).orElse(""));
    }

    /** When true, requests without a valid gateway API key are refused with 401. */
    public boolean requireApiKeys() {
        return "true".equals(values.get(REQUIRE_API_KEYS));
    }

    public void requireApiKeys(boolean required) {
        String value = String.valueOf(required);
        if (sql.update("UPDATE gateway_settings SET setting_value = ? WHERE setting_name = ?", value, REQUIRE_API_KEYS) == 0
                && !sql.insertIfAbsent("INSERT INTO gateway_settings (setting_name, setting_value) VALUES (?, ?)", REQUIRE_API_KEYS,
                value)) {
            sql.update("UPDATE gateway_settings SET setting_value = ? WHERE setting_name = ?", value, REQUIRE_API_KEYS);
        }
        values.invalidate(REQUIRE_API_KEYS);
    }
}
