package dev.switchboard.app.playground;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Runs cells through a {@link ChatStreamer} with at most {@code limit} calls open at once: a finished, failed or
 * cancelled call makes room for the next queued one. One cell failing never stops the others.
 */
final class RunScheduler {
    private final ChatStreamer streamer;
    private final CostCalculator costs;
    private final LongSupplier nanoTime;
    private final Deque<Job> waiting = new ArrayDeque<>();
    private final Map<LiveCell, ChatStreamer.Call> running = new HashMap<>();
    private int limit = 1;

    RunScheduler(ChatStreamer streamer, CostCalculator costs, LongSupplier nanoTime) {
        this.streamer = streamer;
        this.costs = costs;
        this.nanoTime = nanoTime;
    }

    /** One cell to run: the request to send and the assertions its result is checked against. */
    record Job(LiveCell cell, ChatStreamer.Request request, List<Assertion> assertions) {
    }

    /** How many calls may be open at once; applies as running calls finish. */
    synchronized void limit(int maxOpen) {
        limit = Math.max(1, maxOpen);
        pump();
    }

    /** Queues the cells (a cell already queued or running is replaced: that is a re-run). */
    synchronized void submit(List<Job> jobs) {
        for (Job job : jobs) {
            drop(job.cell());
            job.cell().queue();
            waiting.add(job);
        }
        pump();
    }

    synchronized void cancel(LiveCell cell) {
        drop(cell);
        cell.cancel(nanoTime.getAsLong());
        pump();
    }

    synchronized void cancelAll() {
        for (Job job : List.copyOf(waiting)) {
            job.cell().cancel(nanoTime.getAsLong());
        }
        waiting.clear();
        for (Map.Entry<LiveCell, ChatStreamer.Call> open : Map.copyOf(running).entrySet()) {
            open.getValue().cancel();
            open.getKey().cancel(nanoTime.getAsLong());
        }
        running.clear();
    }

    /** Calls open right now; for tests of the bound. */
    synchronized int open() {
        return running.size();
    }

    private void drop(LiveCell cell) {
        waiting.removeIf(job -> job.cell() == cell);
        ChatStreamer.Call call = running.remove(cell);
        if (call != null) {
            call.cancel();
        }
    }

    private void pump() {
        while (running.size() < limit && !waiting.isEmpty()) {
            Job job = waiting.poll();
            long generation = job.cell().begin(nanoTime.getAsLong());
            // Registered before the call starts: a streamer may report a failure before stream() returns.
            running.put(job.cell(), () -> { });
            ChatStreamer.Call call = streamer.stream(job.request(), new CellListener(job, generation));
            running.computeIfPresent(job.cell(), (cell, placeholder) -> call);
        }
    }

    private synchronized void ended(Job job, long generation, CellStatus status, String error, String traceId) {
        boolean current = job.cell().finish(generation, status, error, traceId, nanoTime.getAsLong(),
                result -> complete(job, result));
        if (current) {
            running.remove(job.cell());
            pump();
        }
    }

    private CellResult complete(Job job, CellResult result) {
        var cost = costs.cost(job.request().target().model(), result.inputTokens(), result.outputTokens());
        CellResult priced = new CellResult(result.status(), result.output(), result.ttftMs(), result.latencyMs(),
                result.inputTokens(), result.outputTokens(), cost, result.error(), result.traceId(), List.of());
        List<Verdict> verdicts = result.status() == CellStatus.DONE
                ? job.assertions().stream().map(a -> a.check(priced)).toList()
                : job.assertions().stream().map(a -> new Verdict(a.spec(), false, "the call failed")).toList();
        return new CellResult(priced.status(), priced.output(), priced.ttftMs(), priced.latencyMs(),
                priced.inputTokens(), priced.outputTokens(), cost, priced.error(), priced.traceId(), verdicts);
    }

    /** Feeds one call's stream into its cell. */
    private final class CellListener implements ChatStreamer.Listener {
        private final Job job;
        private final long generation;

        CellListener(Job job, long generation) {
            this.job = job;
            this.generation = generation;
        }

        @Override
        public void onDelta(String text) {
            job.cell().delta(generation, text, nanoTime.getAsLong());
        }

        @Override
        public void onUsage(int inputTokens, int outputTokens) {
            job.cell().usage(generation, inputTokens, outputTokens);
        }

        @Override
        public void onComplete(String traceId) {
            ended(job, generation, CellStatus.DONE, null, traceId);
        }

        @Override
        public void onError(String message, String traceId) {
            ended(job, generation, CellStatus.FAILED, message, traceId);
        }
    }
}
