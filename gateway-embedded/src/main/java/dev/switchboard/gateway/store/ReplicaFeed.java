package dev.switchboard.gateway.store;

import dev.switchboard.gateway.trace.Trace;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.function.Consumer;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings the traces other gateway replicas store into this replica's live feed, through PostgreSQL LISTEN/NOTIFY:
 * every replica NOTIFYs the ids it stored in the same transaction (so they are delivered on commit, and only
 * then), and LISTENs on a dedicated connection for the others'. Notifications sent while this replica had lost
 * the database are not replayed; those traces are still in the list and the usage totals.
 */
public final class ReplicaFeed implements AutoCloseable {
    static final String CHANNEL = "switchboard_traces";
    private static final Logger LOG = LoggerFactory.getLogger(ReplicaFeed.class);
    /** PostgreSQL caps a payload at 8000 bytes; trace ids are 28 characters. */
    private static final int IDS_PER_NOTIFICATION = 200;
    private static final int POLL_MILLIS = 250;
    private static final Duration RECONNECT_PAUSE = Duration.ofSeconds(1);

    private final DatabaseSettings settings;
    private final String replicaId;
    private final TraceStore store;
    private final Consumer<Trace> sink;
    private final Thread thread;
    private volatile boolean closed;
    private volatile boolean listening;

    private ReplicaFeed(DatabaseSettings settings, String replicaId, TraceStore store, Consumer<Trace> sink) {
        this.settings = settings;
        this.replicaId = replicaId;
        this.store = store;
        this.sink = sink;
        this.thread = Thread.ofVirtual().name("switchboard-replica-feed").unstarted(this::run);
    }

    /**
     * Starts listening for the traces other replicas store and hands their summaries to {@code sink}.
     *
     * @param replicaId this replica's id, as passed to its {@link TraceStore}: its own notifications are skipped
     */
    public static ReplicaFeed start(DatabaseSettings settings, String replicaId, TraceStore store,
                                    Consumer<Trace> sink) {
        ReplicaFeed feed = new ReplicaFeed(settings, replicaId, store, sink);
        feed.thread.start();
        return feed;
    }

    /** Tells the other replicas, on commit of {@code connection}'s transaction, which traces were stored. */
    static void announce(Connection connection, String origin, List<Trace> traces) throws SQLException {
        try (PreparedStatement notify = connection.prepareStatement("SELECT pg_notify(?, ?)")) {
            for (int from = 0; from < traces.size(); from += IDS_PER_NOTIFICATION) {
                StringBuilder payload = new StringBuilder(origin).append(' ');
                for (Trace trace : traces.subList(from, Math.min(traces.size(), from + IDS_PER_NOTIFICATION))) {
                    payload.append(trace.id()).append(',');
                }
                notify.setString(1, CHANNEL);
                notify.setString(2, payload.substring(0, payload.length() - 1));
                notify.addBatch();
            }
            notify.executeBatch();
        }
    }

    /** Whether the listening connection is up (for tests and readiness logs). */
    public boolean listening() {
        return listening;
    }

    private void run() {
        boolean warned = false;
        while (!closed) {
            try (Connection connection = connect()) {
                try (Statement listen = connection.createStatement()) {
                    listen.execute("LISTEN " + CHANNEL);
                }
                listening = true;
                if (warned) {
                    LOG.info("Listening for other replicas' traces again");
                    warned = false;
                }
                PGConnection pg = connection.unwrap(PGConnection.class);
                while (!closed) {
                    deliver(pg.getNotifications(POLL_MILLIS));
                }
            } catch (SQLException | RuntimeException e) {
                listening = false;
                if (closed) {
                    return;
                }
                if (!warned) {
                    LOG.warn("Lost the connection that listens for other replicas' traces ({}); reconnecting",
                            e.getMessage());
                    warned = true;
                }
                pause();
            }
        }
        listening = false;
    }

    private Connection connect() throws SQLException {
        Properties properties = new Properties();
        if (settings.user() != null) {
            properties.setProperty("user", settings.user());
        }
        if (settings.password() != null) {
            properties.setProperty("password", settings.password());
        }
        properties.setProperty("ApplicationName", "switchboard-replica-feed");
        properties.setProperty("tcpKeepAlive", "true");
        properties.setProperty("connectTimeout", "10");
        return DriverManager.getConnection(settings.url(), properties);
    }

    private void deliver(PGNotification[] notifications) throws SQLException {
        if (notifications == null || notifications.length == 0) {
            return;
        }
        List<String> ids = new ArrayList<>();
        for (PGNotification notification : notifications) {
            String payload = notification.getParameter();
            int space = payload.indexOf(' ');
            if (space <= 0 || payload.substring(0, space).equals(replicaId)) {
                continue;
            }
            ids.addAll(List.of(payload.substring(space + 1).split(",")));
        }
        if (ids.isEmpty()) {
            return;
        }
        List<Trace> traces = new ArrayList<>(store.findSummaries(ids));
        traces.sort(Comparator.comparing(Trace::startedAt).thenComparing(Trace::id));
        traces.forEach(sink);
    }

    private static void pause() {
        try {
            Thread.sleep(RECONNECT_PAUSE);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        closed = true;
        try {
            thread.join(Duration.ofSeconds(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
