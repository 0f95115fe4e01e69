package dev.switchboard.app.common;

import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;
import javafx.application.Platform;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs work off the FX thread and lands its callbacks on the FX thread. ViewModels get one injected, so tests can
 * swap in {@link #sameThread()} and assert without a toolkit or waiting.
 */
public final class UiTasks {
    private static final Logger LOG = LoggerFactory.getLogger(UiTasks.class);

    private final Executor background;
    private final Executor ui;

    public UiTasks(Executor background, Executor ui) {
        this.background = background;
        this.ui = ui;
    }

    /** Work on {@code background}, callbacks through {@link Platform#runLater}. */
    public static UiTasks forFx(Executor background) {
        return new UiTasks(background, Platform::runLater);
    }

    /** Everything on the calling thread: for ViewModel unit tests. */
    public static UiTasks sameThread() {
        return new UiTasks(Runnable::run, Runnable::run);
    }

    /** Where callbacks run; ViewModels use it to hand live events to the UI thread. */
    public Executor ui() {
        return ui;
    }

    public <T> Task<T> supply(Callable<T> work) {
        return new Task<>(work);
    }

    public Task<Void> run(CheckedRunnable work) {
        return new Task<>(() -> {
            work.run();
            return null;
        });
    }

    /** A piece of background work that may throw. */
    @FunctionalInterface
    public interface CheckedRunnable {
        void run() throws Exception;
    }

    /** One background job with FX-thread callbacks; configure, then {@link #start()}. */
    public final class Task<T> {
        private final Callable<T> work;
        private Consumer<? super T> onSuccess = value -> { };
        private Consumer<Throwable> onError = error -> LOG.warn("Background task failed", error);
        private Runnable onDone = () -> { };

        private Task(Callable<T> work) {
            this.work = Objects.requireNonNull(work);
        }

        public Task<T> onSuccess(Consumer<? super T> callback) {
            this.onSuccess = callback;
            return this;
        }

        public Task<T> onError(Consumer<Throwable> callback) {
            this.onError = callback;
            return this;
        }

        /** Runs after success or error. */
        public Task<T> onDone(Runnable callback) {
            this.onDone = callback;
            return this;
        }

        public void start() {
            try {
                background.execute(this::runInBackground);
            } catch (RejectedExecutionException shuttingDown) {
                // Timers can still fire while the app closes; their work is no longer wanted.
                LOG.debug("Background task skipped: the app is shutting down");
            }
        }

        private void runInBackground() {
            try {
                T value = work.call();
                ui.execute(() -> {
                    try {
                        onSuccess.accept(value);
                    } finally {
                        onDone.run();
                    }
                });
            } catch (Exception | LinkageError e) {
                ui.execute(() -> {
                    try {
                        onError.accept(e);
                    } finally {
                        onDone.run();
                    }
                });
            }
        }
    }
}
