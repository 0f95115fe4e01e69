package dev.switchboard.gateway.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.switchboard.gateway.GatewayException;
import java.nio.file.Path;
import java.sql.SQLException;
import javax.sql.DataSource;
import dev.switchboard.prompts.PromptException;
import dev.switchboard.prompts.PromptMigrations;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;

/** The gateway's database: one H2 file per data directory, migrated by Flyway and pooled by HikariCP. */
public final class Database implements AutoCloseable {
    private static final String FILE_NAME = "switchboard";

    private final HikariDataSource dataSource;

    private Database(HikariDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Opens (creating if needed) the database in {@code dataDir} and applies pending migrations. */
    public static Database openH2(Path dataDir) {
        // DB_CLOSE_ON_EXIT=FALSE: the gateway closes the database itself after the trace writer has flushed.
        String url = "jdbc:h2:file:" + dataDir.resolve(FILE_NAME).toAbsolutePath()
                + ";DB_CLOSE_ON_EXIT=FALSE";
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername("sa");
        config.setPassword("");
        config.setMaximumPoolSize(8);
        config.setPoolName("switchboard-db");
        config.setInitializationFailTimeout(-1);
        return open(config);
    }

    static Database open(HikariConfig config) {
        HikariDataSource dataSource = new HikariDataSource(config);
        try {
            dataSource.getConnection().close();
        } catch (SQLException e) {
            dataSource.close();
            throw new GatewayException(500, "server_error", "database_unavailable", null,
                    "Cannot open the database: " + rootMessage(e), e);
        }
        Database database = new Database(dataSource);
        database.migrate();
        return database;
    }

    private void migrate() {
        try {
            Flyway.configure()
                    .dataSource(dataSource)
                    .locations("classpath:db/migration")
                    .load()
                    .migrate();
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

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        String message = root.getMessage();
        if (message != null && message.contains("already in use")) {
            return "the data directory is in use by another Switchboard process";
        }
        return message;
    }

    @Override
    public void close() {
        dataSource.close();
    }
}
