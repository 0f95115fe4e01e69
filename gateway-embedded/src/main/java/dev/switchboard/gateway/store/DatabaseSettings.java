package dev.switchboard.gateway.store;

import dev.switchboard.gateway.HeapBudget;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Where the gateway keeps its data: the default H2 file in the data directory, or a PostgreSQL server shared by
 * several gateway replicas. The password never appears in {@link #toString()} or logs.
 *
 * @param url      a JDBC URL, {@code jdbc:h2:file:...} or {@code jdbc:postgresql://host[:port]/database}
 * @param user     null for H2's default
 * @param password null for none
 */
public record DatabaseSettings(String url, String user, String password) {
    private static final String FILE_NAME = "switchboard";
    private static final String POSTGRES_PREFIX = "jdbc:postgresql:";
    private static final long H2_CACHE_CAP = 64L * 1024 * 1024;

    /** The H2 file of a data directory; what the desktop app and a single headless gateway use. */
    public static DatabaseSettings h2(Path dataDir) {
        // DB_CLOSE_ON_EXIT=FALSE: the gateway closes the database itself after the trace writer has flushed.
        // WRITE_DELAY=0: a commit reaches the file before it returns, so a killed process loses nothing it
        // acknowledged (H2's default keeps up to 500 ms of commits in memory). Traces are committed in batches,
        // so this costs a write per batch, not per request.
        // CACHE_SIZE: H2's page cache is 16 MB by default, whatever the heap: an eighth of the heap (at most
        // 64 MB) fits the headless gateway's small heap and gives the app's million-trace store more room.
        return new DatabaseSettings("jdbc:h2:file:" + dataDir.resolve(FILE_NAME).toAbsolutePath()
                + ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0;CACHE_SIZE=" + HeapBudget.bytes(12, H2_CACHE_CAP) / 1024,
                "sa", "");
    }

    /**
     * A PostgreSQL database. The URL must not carry the password: it ends up in process lists, shell history and
     * logs, so it comes from the environment or a file instead.
     */
    public static DatabaseSettings postgres(String url, String user, String password) {
        if (url == null || !url.startsWith(POSTGRES_PREFIX)) {
            throw new IllegalArgumentException("The database URL must start with " + POSTGRES_PREFIX
                    + "// (e.g. jdbc:postgresql://db.internal:5432/switchboard)");
        }
        if (url.toLowerCase(Locale.ROOT).matches(".*[?&]password=.*")) {
            throw new IllegalArgumentException("Put the database password in SWITCHBOARD_DB_PASSWORD or a file "
                    + "named by --db-password-file, not in the URL");
        }
        return new DatabaseSettings(url, user, password);
    }

    public boolean isPostgres() {
        return url.startsWith(POSTGRES_PREFIX);
    }

    /** The URL without its query string, for logs and messages. */
    public String displayUrl() {
        int query = url.indexOf('?');
        String base = query < 0 ? url : url.substring(0, query);
        int options = base.indexOf(';');
        return options < 0 ? base : base.substring(0, options);
    }

    @Override
    public String toString() {
        return "DatabaseSettings[" + displayUrl() + ", user=" + user + "]";
    }
}
