package dev.switchboard.gateway.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes traces in the background so the database does not grow without bound: those older than a maximum age,
 * then the oldest ones while the stored traces take more than a maximum size. Deletes in small batches so the
 * trace writer is never blocked for long.
 */
public final class Retention implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Retention.class);
    private static final int BATCH = 5_000;
    /** Share of traces removed per pass when over the size limit; the next pass re-measures. */
    private static final double SIZE_TRIM_SHARE = 0.1;

    /**
     * What to keep.
     *
     * @param maxAge   null keeps traces of any age
     * @param maxBytes 0 or less sets no size limit
     */
    public record Policy(Duration maxAge, long maxBytes) {
        public static final Policy KEEP_ALL = new Policy(null, 0);

        boolean keepsAll() {
            return maxAge == null && maxBytes <= 0;
        }
    }

    /** What one pass deleted. */
    public record Result(long deletedByAge, long deletedBySize) {
        public long total() {
            return deletedByAge + deletedBySize;
        }
    }

    private final DataSource dataSource;
    private final Clock clock;
    private final Duration interval;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("switchboard-retention").daemon(true).factory());
    private volatile Policy policy = Policy.KEEP_ALL;

    public Retention(DataSource dataSource, Clock clock, Duration interval) {
        this.dataSource = dataSource;
        this.clock = clock;
        this.interval = interval;
    }

    /** Starts applying the policy every {@code interval}, the first time shortly after start. */
    public Retention start() {
        scheduler.scheduleWithFixedDelay(this::applyQuietly, 30, interval.toSeconds(), TimeUnit.SECONDS);
        return this;
    }

    public Policy policy() {
        return policy;
    }

    /** Replaces the policy and applies it soon, in the background. */
    public void setPolicy(Policy newPolicy) {
        this.policy = newPolicy == null ? Policy.KEEP_ALL : newPolicy;
        if (!scheduler.isShutdown()) {
            scheduler.execute(this::applyQuietly);
        }
    }

    private void applyQuietly() {
        try {
            Result result = apply();
            if (result.total() > 0) {
                LOG.info("Retention deleted {} traces older than the limit and {} to stay under the size limit",
                        result.deletedByAge(), result.deletedBySize());
            }
        } catch (SQLException | RuntimeException e) {
            LOG.warn("Retention pass failed; it runs again in {}", interval, e);
        }
    }

    /** Applies the current policy once, on the calling thread. */
    private boolean sizeLimitIgnoredLogged;

    public synchronized Result apply() throws SQLException {
        Policy current = policy;
        if (current.keepsAll()) {
            return new Result(0, 0);
        }
        long byAge = 0;
        if (current.maxAge() != null) {
            byAge = deleteOlderThan(clock.instant().minus(current.maxAge()).toEpochMilli());
        }
        long bySize = 0;
        if (current.maxBytes() > 0 && measuresSize() && storedBytes() > current.maxBytes()) {
            Long cutoff = sizeCutoff();
            if (cutoff != null) {
                bySize = deleteOlderThan(cutoff);
            }
        }
        return new Result(byAge, bySize);
    }

    /**
     * Only H2 reports a size that shrinks as rows are deleted; PostgreSQL keeps the space until a VACUUM, so a size
     * limit there would delete every trace. Team gateways on PostgreSQL keep traces by age instead.
     */
    private boolean measuresSize() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            boolean h2 = "H2".equals(connection.getMetaData().getDatabaseProductName());
            if (!h2 && !sizeLimitIgnoredLogged) {
                sizeLimitIgnoredLogged = true;
                LOG.warn("A size limit for traces applies to the embedded H2 database only; on {} use a maximum age",
                        connection.getMetaData().getDatabaseProductName());
            }
            return h2;
        }
    }

    /** Bytes the trace tables take in the database (H2's own measure, so deleted rows stop counting at once). */
    public long storedBytes() throws SQLException {
        try (Connection connection = dataSource.getConnection();
             Statement statement = connection.createStatement()) {
            // Rows reach the pages DISK_SPACE_USED measures only once written out.
            statement.execute("CHECKPOINT");
            try (ResultSet rows = statement.executeQuery(
                    "SELECT DISK_SPACE_USED('TRACES') + DISK_SPACE_USED('TRACE_METADATA')")) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    /** The start time before which the oldest {@link #SIZE_TRIM_SHARE} of traces lie. */
    private Long sizeCutoff() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            long count;
            try (Statement statement = connection.createStatement();
                 ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM traces")) {
                rows.next();
                count = rows.getLong(1);
            }
            if (count == 0) {
                return null;
            }
            long skip = Math.max(1, (long) (count * SIZE_TRIM_SHARE));
            try (PreparedStatement statement = connection.prepareStatement(
                    "SELECT started_at FROM traces ORDER BY started_at OFFSET ? ROWS FETCH NEXT 1 ROWS ONLY")) {
                statement.setLong(1, Math.min(skip, count - 1));
                try (ResultSet rows = statement.executeQuery()) {
                    // Everything strictly older than this row goes; with one row left it goes too.
                    return rows.next() ? (skip >= count ? rows.getLong(1) + 1 : rows.getLong(1)) : null;
                }
            }
        }
    }

    private long deleteOlderThan(long epochMillis) throws SQLException {
        long total = 0;
        try (Connection connection = dataSource.getConnection();
             PreparedStatement traces = connection.prepareStatement("DELETE FROM traces WHERE id IN (SELECT id FROM "
                     + "traces WHERE started_at < ? ORDER BY started_at FETCH FIRST " + BATCH + " ROWS ONLY)");
             PreparedStatement metadata = connection.prepareStatement("DELETE FROM trace_metadata WHERE trace_id IN "
                     + "(SELECT trace_id FROM trace_metadata WHERE started_at < ? FETCH FIRST " + BATCH
                     + " ROWS ONLY)")) {
            int deleted;
            do {
                traces.setLong(1, epochMillis);
                deleted = traces.executeUpdate();
                total += deleted;
            } while (deleted == BATCH);
            do {
                metadata.setLong(1, epochMillis);
                deleted = metadata.executeUpdate();
            } while (deleted == BATCH);
        }
        return total;
    }

    @Override
    public void close() {
        // No interrupt: H2 closes its file when a thread is interrupted mid-I/O. A running pass finishes instead.
        scheduler.shutdown();
        try {
            scheduler.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
