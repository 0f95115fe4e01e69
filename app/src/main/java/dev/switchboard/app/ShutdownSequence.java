package dev.switchboard.app;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Closes the app's resources once, in order, whichever comes first: the window closing, or the JVM being told to
 * stop (SIGTERM from a session logout or {@code kill}, Ctrl+C). Either way the embedded gateway writes the traces
 * still queued and closes its database cleanly, and pending settings are saved.
 */
final class ShutdownSequence {
    private static final Logger LOG = LoggerFactory.getLogger(ShutdownSequence.class);
    /** How long the JVM's own shutdown waits; the gateway drains its trace queue well within it. */
    static final Duration LIMIT = Duration.ofSeconds(20);

    private final List<AutoCloseable> steps;
    private final AtomicBoolean started = new AtomicBoolean();
    private final CountDownLatch finished = new CountDownLatch(1);
    private final Thread hook = Thread.ofPlatform().name("switchboard-shutdown-hook").unstarted(this::closeAll);

    /** @param steps closed in this order */
    ShutdownSequence(List<AutoCloseable> steps) {
        this.steps = List.copyOf(steps);
    }

    /** From now on a JVM shutdown runs the sequence (and waits for it, if the window started it already). */
    void registerWithJvm() {
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /** Runs the sequence now, waiting at most {@code limit}, so that a stuck close cannot keep the process alive. */
    void closeNow(Duration limit) {
        Thread closer = Thread.ofPlatform().name("switchboard-shutdown").start(this::closeAll);
        try {
            closer.join(limit);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException jvmAlreadyStopping) {
            // The hook is running or about to: it finds the work done and returns.
        }
    }

    /** Closes every step the first time; later calls wait until that first run has finished. */
    void closeAll() {
        if (!started.compareAndSet(false, true)) {
            awaitFinished();
            return;
        }
        try {
            for (AutoCloseable step : steps) {
                closeQuietly(step);
            }
        } finally {
            finished.countDown();
        }
    }

    private void awaitFinished() {
        try {
            if (!finished.await(LIMIT.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.warn("Shutdown still running after {} s; exiting anyway", LIMIT.toSeconds());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void closeQuietly(AutoCloseable step) {
        try {
            step.close();
        } catch (Exception e) {
            LOG.warn("Closing {} failed", step.getClass().getSimpleName(), e);
        }
    }
}
