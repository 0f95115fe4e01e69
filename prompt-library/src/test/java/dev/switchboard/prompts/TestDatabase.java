package dev.switchboard.prompts;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import javax.sql.DataSource;

/** An H2 file database in a temp dir behind a HikariCP pool, migrated: what the gateway runs on. */
public final class TestDatabase implements AutoCloseable {
    private final HikariDataSource dataSource;

    private TestDatabase(HikariDataSource dataSource) {
        this.dataSource = dataSource;
    }

    public static TestDatabase unmigrated(Path dir) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl("jdbc:h2:file:" + dir.resolve("switchboard").toAbsolutePath());
        config.setMaximumPoolSize(10);
        return new TestDatabase(new HikariDataSource(config));
    }

    public static TestDatabase migrated(Path dir) {
        TestDatabase database = unmigrated(dir);
        PromptMigrations.migrate(database.dataSource());
        return database;
    }

    public DataSource dataSource() {
        return dataSource;
    }

    @Override
    public void close() {
        dataSource.close();
    }
}
