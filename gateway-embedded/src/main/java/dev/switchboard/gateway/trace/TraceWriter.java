package dev.switchboard.gateway.trace;

import dev.switchboard.gateway.store.TraceStore;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stores traces off the request path: requests drop a {@link TraceDraft} into a bounded queue and return; one
 * thread assembles drafts, tells the {@linkplain TraceFeed#subscribeRecorded recorded-trace listeners} (metrics,
 * export) at once, and writes them in JDBC batches, then publishes them to the live feed. Batches are
 * group-committed: a full batch already waiting is written at once, else a batch is written when its first draft
 * has waited {@code flushEvery}, so under load one commit carries many traces instead of each paying for its own.
 * When the database is unreachable the assembled traces wait in a second bounded
 * buffer and the writer retries every second, so requests never wait on the database; what does not fit is
 * dropped and counted. Both are bounded by count and by a memory budget (bodies plus a per-trace allowance), so a
 * long outage or a burst of large bodies costs traces, never the gateway's heap. {@link #close()} drains
 * everything still queued.
 */
public final class TraceWriter implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(TraceWriter.class);
    private static final Duration RETRY_PAUSE = Duration.ofSeconds(1);
    private static final Duration OUTAGE_LOG_EVERY = Duration.ofSeconds(30);
    /** Heap a trace holds besides its bodies (ids, headers, spans, metadata and the objects around them). */
    static final long OBJECT_ALLOWANCE = 2048;

    private final BlockingQueue<TraceDraft> queue;
    /** Assembled traces not yet stored, with what to run once they are; touched by the writer thread only. */
    private final ArrayDeque<Pending> pending = new ArrayDeque<>();
    private final int pendingCapacity;
    private final AtomicInteger pendingCount = new AtomicInteger();
    private final long maxBytes;
    /**
     * Approximate heap held by queued drafts and pending traces. Only {@link #submit} adds to it, checking the
     * budget; assembling swaps a draft's share for its trace's (smaller: bodies are capped), storing frees it.
     */
    private final AtomicLong heldBytes = new AtomicLong();
    private final TraceAssembler assembler;
    private final TraceStore store;
    private final TraceFeed feed;
    private final int batchSize;
    private final Duration flushEvery;
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong written = new AtomicLong();
    private final Thread thread;
    private volatile boolean closing;
    private long retryAtNanos = System.nanoTime();
    private volatile long outageStartNanos;
    private long outageLoggedNanos;

    /**
     * @param capacity most traces queued, and most waiting for the database
     * @param maxBytes heap the queued and waiting traces may hold together, in {@link TraceDraft#approximateBytes}
     */
    public TraceWriter(TraceAssembler assembler, TraceStore store, TraceFeed feed, int capacity, long maxBytes,
                       int batchSize, Duration flushEvery) {
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.pendingCapacity = capacity;
        this.maxBytes = maxBytes;
        this.assembler = assembler;
        this.store = store;
        this.feed = feed;
        this.batchSize = batchSize;
        this.flushEvery = flushEvery;
        this.thread = Thread.ofPlatform().name("switchboard-trace-writer").daemon(true).start(this::run);
    }

    /** Queues a finished request; never blocks. A full queue or memory budget drops the trace and counts it. */
    public void submit(TraceDraft draft) {
        long bytes = draft.approximateBytes();
        if (closing) {
            drop(1, "the gateway is stopping");
        } else if (heldBytes.addAndGet(bytes) > maxBytes) {
            heldBytes.addAndGet(-bytes);
            drop(1, "the traces waiting to be stored fill their memory budget");
        } else if (!queue.offer(draft)) {
            heldBytes.addAndGet(-bytes);
            drop(1, "the trace queue is full");
        }
    }

    /** Traces lost so far: no room in the queue or buffer, unassemblable, or unstorable. */
    public long dropped() {
        return dropped.get();
    }

    public long written() {
        return written.get();
    }

    /** Traces waiting to be stored: queued by requests plus assembled ones waiting for the database. */
    public int queued() {
        return queue.size() + pendingCount.get();
    }

    /** Whether the last attempt to store traces failed (the database is unreachable). */
    public boolean storeFailing() {
        return outageStartNanos != 0;
    }

    private void run() {
        List<TraceDraft> drafts = new ArrayList<>(batchSize);
        while (!closing || !queue.isEmpty() || !pending.isEmpty()) {
            try {
                long waitMs = pending.isEmpty() ? flushEvery.toMillis()
                        : Math.max(0, TimeUnit.NANOSECONDS.toMillis(retryAtNanos - System.nanoTime()));
                TraceDraft first = queue.poll(closing ? 0 : waitMs, TimeUnit.MILLISECONDS);
                if (first != null) {
                    drafts.add(first);
                    gather(drafts, System.nanoTime() + flushEvery.toNanos());
                    record(drafts);
                    drafts.clear();
                }
                if (!pending.isEmpty() && (closing || System.nanoTime() - retryAtNanos >= 0)) {
                    storePending();
                }
            } catch (InterruptedException e) {
                // Nobody interrupts this thread on purpose (H2 closes files on interrupt); keep draining.
                Thread.interrupted();
            }
        }
    }

    /**
     * Takes what is waiting, up to a batch; if that is less than a batch, sleeps once until {@code deadline} and
     * takes what arrived meanwhile. One wake-up per batch, not one per arriving trace.
     */
    private void gather(List<TraceDraft> drafts, long deadline) {
        queue.drainTo(drafts, batchSize - drafts.size());
        long left = deadline - System.nanoTime();
        if (drafts.size() < batchSize && !closing && left > 0) {
            LockSupport.parkNanos(left);
            queue.drainTo(drafts, batchSize - drafts.size());
        }
    }

    private void record(List<TraceDraft> drafts) {
        for (TraceDraft draft : drafts) {
            long draftBytes = draft.approximateBytes();
            Trace trace;
            try {
                trace = assembler.assemble(draft);
            } catch (RuntimeException e) {
                heldBytes.addAndGet(-draftBytes);
                LOG.error("Cannot assemble trace {}; it is dropped", draft.id(), e);
                drop(1, "it could not be assembled");
                continue;
            }
            feed.publishRecorded(trace);
            long bytes = approximateBytes(trace);
            if (pending.size() < pendingCapacity) {
                pending.addLast(new Pending(trace, draft.afterStore, bytes));
                pendingCount.incrementAndGet();
                heldBytes.addAndGet(bytes - draftBytes);
            } else {
                heldBytes.addAndGet(-draftBytes);
                drop(1, "the database is unreachable and the trace buffer is full");
            }
        }
    }

    private void storePending() {
        List<Pending> batch = new ArrayList<>(Math.min(batchSize, pending.size()));
        for (Pending next : pending) {
            if (batch.size() == batchSize) {
                break;
            }
            batch.add(next);
        }
        try {
            store.insert(batch.stream().map(Pending::trace).toList());
            stored(batch);
        } catch (SQLException e) {
            if (isBadData(e)) {
                storeOneByOne(batch);
            } else {
                failed(e, batch.size());
            }
        }
    }

    /** A batch with a row the database refuses: store the others and drop that one, so it cannot block the rest. */
    private void storeOneByOne(List<Pending> batch) {
        for (Pending next : batch) {
            Trace trace = next.trace();
            try {
                store.insert(List.of(trace));
                stored(List.of(next));
            } catch (SQLException e) {
                if (!isBadData(e)) {
                    failed(e, 1);
                    return;
                }
                LOG.error("The database refuses trace {} ({}); it is dropped", trace.id(), reason(e));
                removeFirst(1);
                drop(1, "the database refused it");
            }
        }
    }

    private void stored(List<Pending> traces) {
        if (outageStartNanos != 0) {
            LOG.info("The database is reachable again after {} s; storing the {} traces buffered meanwhile",
                    TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - outageStartNanos), queued());
            outageStartNanos = 0;
        }
        removeFirst(traces.size());
        written.addAndGet(traces.size());
        for (Pending stored : traces) {
            feed.publish(stored.trace());
            runAfterStore(stored);
        }
    }

    /** Follow-ups of a stored trace, e.g. settling a budget with its final cost. */
    private static void runAfterStore(Pending stored) {
        for (Consumer<Trace> callback : stored.afterStore()) {
            try {
                callback.accept(stored.trace());
            } catch (RuntimeException e) {
                LOG.error("A follow-up of trace {} failed", stored.trace().id(), e);
            }
        }
    }

    private void failed(SQLException e, int batch) {
        if (closing) {
            LOG.error("Cannot store {} traces while shutting down ({}); they are lost", pending.size(), reason(e));
            int lost = pending.size();
            removeFirst(lost);
            drop(lost, "the database is unreachable at shutdown");
            return;
        }
        long now = System.nanoTime();
        if (outageStartNanos == 0) {
            outageStartNanos = now;
            outageLoggedNanos = now;
            LOG.warn("Cannot store {} traces ({}); buffering up to {} and retrying every {} s", batch, reason(e),
                    pendingCapacity, RETRY_PAUSE.toSeconds());
        } else if (now - outageLoggedNanos >= OUTAGE_LOG_EVERY.toNanos()) {
            outageLoggedNanos = now;
            LOG.warn("Still cannot store traces after {} s ({}); {} waiting, {} dropped so far",
                    TimeUnit.NANOSECONDS.toSeconds(now - outageStartNanos), reason(e), queued(), dropped());
        }
        retryAtNanos = now + RETRY_PAUSE.toNanos();
    }

    private void removeFirst(int count) {
        for (int i = 0; i < count; i++) {
            heldBytes.addAndGet(-pending.pollFirst().bytes());
        }
        pendingCount.addAndGet(-count);
    }

    /** A stored trace's share of the memory budget: its capped bodies plus the allowance. */
    private static long approximateBytes(Trace trace) {
        return OBJECT_ALLOWANCE + (trace.requestBody() == null ? 0 : trace.requestBody().length())
                + (trace.responseBody() == null ? 0 : trace.responseBody().length());
    }

    private void drop(int count, String reason) {
        long before = dropped.getAndAdd(count);
        // Log at 1, 2, 4, 8... drops: loud at first, then quiet enough not to flood the log under sustained loss.
        if (Long.highestOneBit(before + count) != Long.highestOneBit(before) || before == 0) {
            LOG.warn("Trace dropped because {}: {} traces dropped so far", reason, before + count);
        }
    }

    /**
     * The database's own words, first line only: a batch error's message quotes the whole statement with its
     * values, and request bodies do not belong in the log.
     */
    private static String reason(SQLException e) {
        SQLException innermost = e;
        while (innermost.getNextException() != null) {
            innermost = innermost.getNextException();
        }
        String message = innermost.getMessage() == null ? innermost.getClass().getSimpleName()
                : innermost.getMessage().lines().findFirst().orElse("");
        return innermost.getSQLState() == null ? message : message + " [" + innermost.getSQLState() + "]";
    }

    /** Data the database will never accept (too long, invalid characters), as opposed to a connection failure. */
    private static boolean isBadData(SQLException e) {
        for (SQLException cause = e; cause != null; cause = cause.getNextException()) {
            String state = cause.getSQLState();
            if (state != null && (state.startsWith("22") || state.startsWith("23"))) {
                return true;
            }
        }
        return false;
    }

    /** A trace waiting for the database, with its {@link TraceDraft#afterStore} callbacks and budget share. */
    private record Pending(Trace trace, List<Consumer<Trace>> afterStore, long bytes) {
    }

    /** Stops accepting traces, writes every queued one, and waits for the writer to finish. */
    @Override
    public void close() {
        closing = true;
        LockSupport.unpark(thread);
        try {
            thread.join(Duration.ofSeconds(30));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
