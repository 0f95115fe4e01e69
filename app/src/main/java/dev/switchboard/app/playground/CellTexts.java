package dev.switchboard.app.playground;

import dev.switchboard.app.common.Formats;
import java.util.stream.Collectors;

/** How a cell's state reads: the metrics line and the assertion lines, the same in every view of a result. */
final class CellTexts {
    private CellTexts() {
    }

    /** e.g. {@code ✓ 1.24 s · TTFT 310 ms · 52 → 118 tokens · $0.00021}. */
    static String metrics(CellResult r) {
        String state = switch (r.status()) {
            case QUEUED -> "Queued";
            case RUNNING -> "Streaming…";
            case CANCELLED -> "Cancelled";
            case FAILED -> "✗ Failed";
            case DONE -> Boolean.FALSE.equals(r.passed()) ? "✗ Done" : "✓ Done";
        };
        if (r.status() == CellStatus.QUEUED || r.status() == CellStatus.RUNNING && r.ttftMs() == null) {
            return state;
        }
        return state + " · " + Formats.millis(r.latencyMs()) + " · TTFT " + Formats.millis(r.ttftMs()) + " · "
                + Formats.count(r.inputTokens()) + " → " + Formats.count(r.outputTokens()) + " tokens · "
                + Formats.usd(r.costUsd());
    }

    /** One line per assertion, e.g. {@code ✗ contains: Paris — "Paris" not in the output}. */
    static String verdicts(CellResult r) {
        return r.verdicts().stream().map(v -> (v.passed() ? "✓ " : "✗ ") + v.assertion() + " — " + v.detail())
                .collect(Collectors.joining("\n"));
    }
}
