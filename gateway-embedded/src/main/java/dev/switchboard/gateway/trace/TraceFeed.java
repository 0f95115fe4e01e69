package dev.switchboard.gateway.trace;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Live trace notifications. Two kinds of listener: {@link #subscribe} sees every stored trace, this gateway's and
 * (on a shared PostgreSQL database) the other replicas'; {@link #subscribeRecorded} sees, with bodies, each trace
 * this gateway records as soon as it is assembled, even while the database is down (metrics, OpenTelemetry).
 * Listeners are called on the writer (or replica listener) thread and must only hand the trace off, never block.
 */
public final class TraceFeed {
    private static final Logger LOG = LoggerFactory.getLogger(TraceFeed.class);

    private final CopyOnWriteArrayList<Consumer<Trace>> stored = new CopyOnWriteArrayList<>();
    private final CopyOnWriteArrayList<Consumer<Trace>> recorded = new CopyOnWriteArrayList<>();

    /** Starts delivering stored traces (summaries) to {@code listener}; close the handle to stop. */
    public AutoCloseable subscribe(Consumer<Trace> listener) {
        stored.add(listener);
        return () -> stored.remove(listener);
    }

    /** Starts delivering every trace this gateway records, with bodies, before it is stored. */
    public AutoCloseable subscribeRecorded(Consumer<Trace> listener) {
        recorded.add(listener);
        return () -> recorded.remove(listener);
    }

    /** A trace stored by another gateway on the same database; summary listeners only. */
    public void publishFromReplica(Trace summary) {
        deliver(stored, summary.summary());
    }

    void publish(Trace trace) {
        deliver(stored, trace.summary());
    }

    void publishRecorded(Trace trace) {
        deliver(recorded, trace);
    }

    private static void deliver(List<Consumer<Trace>> listeners, Trace trace) {
        for (Consumer<Trace> listener : listeners) {
            try {
                listener.accept(trace);
            } catch (RuntimeException e) {
                LOG.warn("A live trace listener failed; it stays subscribed", e);
            }
        }
    }
}
