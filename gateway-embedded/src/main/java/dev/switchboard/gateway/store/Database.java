package dev.switchboard.gateway.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.switchboard.gateway.GatewayException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import javax.sql.DataSource;
import dev.switchboard.prompts.PromptException;
import dev.switchboard.prompts.PromptMigrations;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;

/**
 * The gateway's database, migrated by Flyway and pooled by HikariCP: one H2 file per data directory, or one
 * PostgreSQL database shared by every replica of a team gateway. The migrations are the same for both.
 */
public final class Database implements AutoCloseable {
    private final HikariDataSource dataSource;
    private final DatabaseSettings settings;
    private final Flyway flyway;

    private Database(HikariDataSource dataSource, DatabaseSettings settings) {
        this.dataSource = dataSource;
        this.settings = settings;
        this.flyway = Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .load();
    }

    /** Opens (creating if needed) the database in {@code dataDir} and applies pending migrations. */
    public static Database openH2(Path dataDir) {
        return open(DatabaseSettings.h2(dataDir));
    }

    /** Opens the database and applies pending migrations; fails with a one-line reason when it cannot. */
    public static Database open(DatabaseSettings settings) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(settings.url());
        config.setUsername(settings.user());
        config.setPassword(settings.password());
        config.setPoolName("switchboard-db");
        config.setInitializationFailTimeout(-1);
        if (settings.isPostgres()) {
            // Replicas share the server, so keep the pool modest; fail fast when the server is gone (the trace
            // writer buffers and retries), and never hang forever on a connection whose server vanished.
            config.setMaximumPoolSize(10);
            config.setConnectionTimeout(2_000);
            // At start a login may take longer (several replicas and JVMs warming up on a busy host): the pool
            // gets its first connection with up to 10 s, after a probe that fails at once on refused or bad logins.
            config.setInitializationFailTimeout(10_000);
            config.addDataSourceProperty("ApplicationName", "switchboard-gateway");
            config.addDataSourceProperty("connectTimeout", "10");
            config.addDataSourceProperty("socketTimeout", "300");
            config.addDataSourceProperty("tcpKeepAlive", "true");
        } else {
            config.setMaximumPoolSize(8);
        }
        return open(config, settings);
    }

    private static Database open(HikariConfig config, DatabaseSettings settings) {
        HikariDataSource dataSource;
        try {
            if (settings.isPostgres()) {
                probe(settings);
            }
            dataSource = new HikariDataSource(config);
        } catch (SQLException | RuntimeException e) {
            throw unavailable(settings, e);
        }
        try {
            dataSource.getConnection().close();
        } catch (SQLException e) {
            dataSource.close();
            throw unavailable(settings, e);
        }
        Database database = new Database(dataSource, settings);
        database.migrate();
        return database;
    }

    /** One plain connection, so that a refused connection or login is reported at once and in the server's words. */
    private static void probe(DatabaseSettings settings) throws SQLException {
        Properties properties = new Properties();
        if (settings.user() != null) {
            properties.setProperty("user", settings.user());
        }
        if (settings.password() != null) {
            properties.setProperty("password", settings.password());
        }
        properties.setProperty("connectTimeout", "10");
        properties.setProperty("ApplicationName", "switchboard-gateway");
        DriverManager.getConnection(settings.url(), properties).close();
    }

    private static GatewayException unavailable(DatabaseSettings settings, Exception e) {
        return new GatewayException(500, "server_error", "database_unavailable", null,
                "Cannot open the database " + settings.displayUrl() + ": " + rootMessage(e), e);
    }

    private void migrate() {
        try {
            flyway.migrate();
            // The prompt library keeps its own migration history; it must run after the gateway's.
            PromptMigrations.migrate(dataSource);
        } catch (FlywayException | PromptException e) {
            dataSource.close();
            throw new GatewayException(500, "server_error", "migration_failed", null,
                    "Cannot migrate the database: " + e.getMessage(), e);
        }
    }

    public DataSource dataSource() {
        return dataSource;
    }

    public DatabaseSettings settings() {
        return settings;
    }

    public boolean isPostgres() {
        return settings.isPostgres();
    }

    /**
     * Whether this gateway can serve: the database answers and every migration it knows is applied. Blocks for at
     * most the pool's connection timeout.
     *
     * @return null when ready, else the reason it is not
     */
    public String notReadyReason() {
        try (Connection connection = dataSource.getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("SELECT 1");
        } catch (SQLException e) {
            return "database unreachable: " + rootMessage(e);
        }
        try {
            int pending = flyway.info().pending().length + PromptMigrations.pending(dataSource);
            return pending == 0 ? null : pending + " database migrations not applied";
        } catch (FlywayException e) {
            return "cannot read the migration history: " + rootMessage(e);
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        String message = root.getMessage();
        if (message != null && message.contains("already in use")) {
            return "the data directory is in use by another Switchboard process";
        }
        return message == null ? root.getClass().getSimpleName() : message.lines().findFirst().orElse(message);
    }

    @Override
    public void close() {
        dataSource.close();
    }
}
