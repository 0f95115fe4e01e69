package dev.switchboard.gateway.trace;

import dev.switchboard.gateway.store.TraceStore;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stores traces off the request path: requests drop a {@link TraceDraft} into a bounded queue and return; one
 * thread assembles drafts and writes them in JDBC batches (at {@code batchSize} rows or every {@code flushEvery}),
 * then publishes them to the live feed. {@link #close()} drains everything still queued.
 */
public final class TraceWriter implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(TraceWriter.class);
    private static final Duration RETRY_PAUSE = Duration.ofSeconds(1);

    private final BlockingQueue<TraceDraft> queue;
    private final TraceAssembler assembler;
    private final TraceStore store;
    private final TraceFeed feed;
    private final int batchSize;
    private final Duration flushEvery;
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong written = new AtomicLong();
    private final Thread thread;
    private volatile boolean closing;

    public TraceWriter(TraceAssembler assembler, TraceStore store, TraceFeed feed, int capacity, int batchSize,
                       Duration flushEvery) {
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.assembler = assembler;
        this.store = store;
        this.feed = feed;
        this.batchSize = batchSize;
        this.flushEvery = flushEvery;
        this.thread = Thread.ofPlatform().name("switchboard-trace-writer").daemon(true).start(this::run);
    }

    /** Queues a finished request; never blocks. A full queue drops the trace and counts it. */
    public void submit(TraceDraft draft) {
        if (closing || !queue.offer(draft)) {
            long total = dropped.incrementAndGet();
            if (Long.bitCount(total) == 1) {
                LOG.warn("Trace queue full: {} traces dropped so far", total);
            }
        }
    }

    public long dropped() {
        return dropped.get();
    }

    public long written() {
        return written.get();
    }

    public int queued() {
        return queue.size();
    }

    private void run() {
        List<TraceDraft> batch = new ArrayList<>(batchSize);
        while (!closing || !queue.isEmpty()) {
            try {
                TraceDraft first = queue.poll(flushEvery.toMillis(), TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, batchSize - 1);
                write(batch);
                batch.clear();
            } catch (InterruptedException e) {
                // Nobody interrupts this thread on purpose (H2 closes files on interrupt); keep draining.
                Thread.interrupted();
            }
        }
    }

    private void write(List<TraceDraft> drafts) {
        List<Trace> traces = new ArrayList<>(drafts.size());
        List<TraceDraft> assembled = new ArrayList<>(drafts.size());
        for (TraceDraft draft : drafts) {
            try {
                traces.add(assembler.assemble(draft));
                assembled.add(draft);
            } catch (RuntimeException e) {
                LOG.error("Cannot assemble trace {}; it is dropped", draft.id(), e);
                dropped.incrementAndGet();
            }
        }
        while (true) {
            try {
                store.insert(traces);
                stored(assembled, traces);
                return;
            } catch (SQLException e) {
                if (!isTransient(e)) {
                    LOG.error("A batch of {} traces was refused by the database; storing them one by one", traces.size(), e);
                    storeOneByOne(assembled, traces);
                    return;
                }
                if (closing) {
                    LOG.error("Cannot store {} traces while shutting down; they are lost", traces.size(), e);
                    dropped.addAndGet(traces.size());
                    return;
                }
                // Keep the batch and retry: the queue buffers new traces meanwhile, bounded by its capacity.
                LOG.warn("Cannot store {} traces ({}); retrying in {}", traces.size(), e.getMessage(), RETRY_PAUSE);
                pause();
            }
        }
    }

    private void stored(List<TraceDraft> drafts, List<Trace> traces) {
        written.addAndGet(traces.size());
        traces.forEach(feed::publish);
        runAfterStore(drafts, traces);
    }

    /** Isolates rows the database refuses, so one bad trace cannot hold back the others forever. */
    private void storeOneByOne(List<TraceDraft> drafts, List<Trace> traces) {
        for (int i = 0; i < traces.size(); i++) {
            try {
                store.insert(List.of(traces.get(i)));
                stored(List.of(drafts.get(i)), List.of(traces.get(i)));
            } catch (SQLException e) {
                LOG.error("Trace {} cannot be stored and is dropped", traces.get(i).id(), e);
                dropped.incrementAndGet();
            }
        }
    }

    /** Connection trouble (SQLState class 08) is worth waiting out; a refused statement is not. */
    private static boolean isTransient(SQLException e) {
        String state = e.getSQLState();
        return e instanceof java.sql.SQLTransientException || e instanceof java.sql.SQLRecoverableException
                || state == null || state.startsWith("08") || state.startsWith("57");
    }

    private static void runAfterStore(List<TraceDraft> drafts, List<Trace> traces) {
        for (int i = 0; i < drafts.size(); i++) {
            for (var callback : drafts.get(i).afterStore) {
                try {
                    callback.accept(traces.get(i));
                } catch (RuntimeException e) {
                    LOG.error("A follow-up of trace {} failed", traces.get(i).id(), e);
                }
            }
        }
    }

    private static void pause() {
        try {
            Thread.sleep(RETRY_PAUSE.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stops accepting traces, writes every queued one, and waits for the writer to finish. */
    @Override
    public void close() {
        closing = true;
        try {
            thread.join(Duration.ofSeconds(30));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
