package dev.switchboard.app.playground;

import java.math.BigDecimal;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * One cell of a run while it happens. Stream threads write tokens into it; the FX thread takes a snapshot on its
 * drain timer only when something changed, so a fast stream costs one UI update per tick, not one per token.
 * Each (re)start bumps the generation, so late events of a cancelled or replaced call are ignored.
 */
final class LiveCell {
    private final int row;
    private final int column;
    private final StringBuilder output = new StringBuilder();
    private CellStatus status = CellStatus.QUEUED;
    private long generation;
    private long startedNanos;
    private Long ttftMs;
    private Long latencyMs;
    private Integer inputTokens;
    private Integer outputTokens;
    private BigDecimal costUsd;
    private String error;
    private String traceId;
    private List<Verdict> verdicts = List.of();
    private boolean changed = true;

    LiveCell(int row, int column) {
        this.row = row;
        this.column = column;
    }

    /** A cell restored from a saved experiment: finished, nothing to run. */
    LiveCell(int row, int column, CellResult saved) {
        this(row, column);
        status = saved.status();
        output.append(saved.output());
        ttftMs = saved.ttftMs();
        latencyMs = saved.latencyMs();
        inputTokens = saved.inputTokens();
        outputTokens = saved.outputTokens();
        costUsd = saved.costUsd();
        error = saved.error();
        traceId = saved.traceId();
        verdicts = saved.verdicts();
    }

    int row() {
        return row;
    }

    int column() {
        return column;
    }

    synchronized void queue() {
        generation++;
        reset(CellStatus.QUEUED);
    }

    /** @return the generation of the call now starting; pass it back with every event */
    synchronized long begin(long nanos) {
        generation++;
        reset(CellStatus.RUNNING);
        startedNanos = nanos;
        return generation;
    }

    synchronized void delta(long gen, String text, long nanos) {
        if (gen != generation || status != CellStatus.RUNNING) {
            return;
        }
        if (ttftMs == null) {
            ttftMs = (nanos - startedNanos) / 1_000_000;
        }
        output.append(text);
        changed = true;
    }

    synchronized void usage(long gen, int input, int out) {
        if (gen == generation) {
            inputTokens = input;
            outputTokens = out;
        }
    }

    /**
     * Ends the call. {@code complete} adds what needs the whole answer (cost, assertion verdicts).
     *
     * @return false when {@code gen} is no longer this cell's call
     */
    synchronized boolean finish(long gen, CellStatus end, String message, String trace, long nanos,
                                UnaryOperator<CellResult> complete) {
        if (gen != generation || status.finished()) {
            return false;
        }
        status = end;
        error = message;
        traceId = trace;
        latencyMs = startedNanos == 0 ? null : (nanos - startedNanos) / 1_000_000;
        CellResult done = complete.apply(snapshot());
        costUsd = done.costUsd();
        verdicts = done.verdicts();
        changed = true;
        return true;
    }

    /** Cancels a queued or running cell. */
    synchronized void cancel(long nanos) {
        if (!status.finished()) {
            finish(generation, CellStatus.CANCELLED, "Cancelled", traceId, nanos, UnaryOperator.identity());
        }
    }

    synchronized CellStatus status() {
        return status;
    }

    /** The current state if it changed since the last call, else null. */
    synchronized CellResult takeChanged() {
        if (!changed) {
            return null;
        }
        changed = false;
        return snapshot();
    }

    synchronized CellResult snapshot() {
        return new CellResult(status, output.toString(), ttftMs, latencyMs, inputTokens, outputTokens, costUsd,
                error, traceId, verdicts);
    }

    private void reset(CellStatus to) {
        status = to;
        output.setLength(0);
        startedNanos = 0;
        ttftMs = null;
        latencyMs = null;
        inputTokens = null;
        outputTokens = null;
        costUsd = null;
        error = null;
        traceId = null;
        verdicts = List.of();
        changed = true;
    }
}
