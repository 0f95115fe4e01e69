package dev.switchboard.app.playground;

import dev.switchboard.app.common.Formats;
import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * The summary row of one target over all test cases: pass rate (of cells with assertions), mean latency of the
 * calls that answered, total known cost and failed calls.
 *
 * @param passRate null when no cell had assertions
 */
public record ColumnSummary(int finished, int total, Double passRate, Long meanLatencyMs, BigDecimal totalCostUsd,
                            int failed) {

    static ColumnSummary of(List<CellResult> cells) {
        List<CellResult> done = cells.stream().filter(c -> c.status().finished()).toList();
        List<Boolean> verdicts = done.stream().map(CellResult::passed).filter(Objects::nonNull).toList();
        Double passRate = verdicts.isEmpty() ? null
                : verdicts.stream().filter(Boolean::booleanValue).count() / (double) verdicts.size();
        List<Long> latencies = done.stream().filter(c -> c.status() == CellStatus.DONE).map(CellResult::latencyMs)
                .filter(Objects::nonNull).toList();
        Long mean = latencies.isEmpty() ? null
                : Math.round(latencies.stream().mapToLong(Long::longValue).average().orElseThrow());
        BigDecimal cost = done.stream().map(CellResult::costUsd).filter(Objects::nonNull)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        int failed = (int) done.stream().filter(c -> c.status() == CellStatus.FAILED).count();
        return new ColumnSummary(done.size(), cells.size(), passRate, mean, cost, failed);
    }

    @Override
    public String toString() {
        return (passRate == null ? "no assertions" : "pass " + Formats.percent(passRate)) + " · mean "
                + Formats.millis(meanLatencyMs) + " · " + Formats.usd(totalCostUsd)
                + (failed == 0 ? "" : " · " + failed + " failed") + (finished < total ? " · " + finished + "/"
                + total + " done" : "");
    }
}
