package dev.switchboard.gateway.trace;

import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Live trace notifications, published once a trace is stored. Listeners are called on the writer thread and
 * must only hand the trace off (queue it), never block.
 */
public final class TraceFeed {
    private static final Logger LOG = LoggerFactory.getLogger(TraceFeed.class);

    private final CopyOnWriteArrayList<Consumer<Trace>> listeners = new CopyOnWriteArrayList<>();

    /** Starts delivering stored traces (summaries) to {@code listener}; close the handle to stop. */
    public AutoCloseable subscribe(Consumer<Trace> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    void publish(Trace trace) {
        Trace summary = trace.summary();
        for (Consumer<Trace> listener : listeners) {
            try {
                listener.accept(summary);
            } catch (RuntimeException e) {
                LOG.warn("A live trace listener failed; it stays subscribed", e);
            }
        }
    }
}
