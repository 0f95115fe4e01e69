package dev.switchboard.app.playground;

import dev.switchboard.app.common.Formats;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Two experiments side by side, cell by cell: cells are matched by test case name and target label, and each
 * pair is better, worse or the same (passing beats failing assertions beats a failed call), with the latency,
 * cost and output changes spelled out.
 */
public final class ExperimentComparison {
    private ExperimentComparison() {
    }

    /** How a cell moved from the first experiment to the second. */
    public enum Change { BETTER, WORSE, SAME, ADDED, REMOVED }

    /** One matched cell. */
    public record CellChange(String testCase, String target, Change change, String detail) {
    }

    public static List<CellChange> compare(Experiment before, Experiment after) {
        Map<String, CellResult> old = cells(before);
        Map<String, CellResult> now = cells(after);
        List<CellChange> changes = new ArrayList<>();
        now.forEach((key, result) -> {
            String[] parts = key.split("\u0000", 2);
            CellResult was = old.remove(key);
            changes.add(was == null ? new CellChange(parts[0], parts[1], Change.ADDED, describe(result))
                    : compare(parts[0], parts[1], was, result));
        });
        old.forEach((key, result) -> {
            String[] parts = key.split("\u0000", 2);
            changes.add(new CellChange(parts[0], parts[1], Change.REMOVED, describe(result)));
        });
        return changes;
    }

    private static CellChange compare(String testCase, String target, CellResult was, CellResult now) {
        int delta = Integer.compare(rank(now), rank(was));
        Change change = delta > 0 ? Change.BETTER : delta < 0 ? Change.WORSE : Change.SAME;
        List<String> details = new ArrayList<>();
        if (delta != 0) {
            details.add(describe(was) + " → " + describe(now));
        }
        if (!Objects.equals(was.latencyMs(), now.latencyMs())) {
            details.add("latency " + Formats.millis(was.latencyMs()) + " → " + Formats.millis(now.latencyMs()));
        }
        if (!Objects.equals(was.costUsd(), now.costUsd())) {
            details.add("cost " + Formats.usd(was.costUsd()) + " → " + Formats.usd(now.costUsd()));
        }
        details.add(was.output().equals(now.output()) ? "same output" : "output changed");
        return new CellChange(testCase, target, change, String.join("; ", details));
    }

    /** Higher is better: a failed call, then failing assertions, then a call that passed (or had none). */
    private static int rank(CellResult result) {
        if (result.status() != CellStatus.DONE) {
            return 0;
        }
        return Boolean.FALSE.equals(result.passed()) ? 1 : 2;
    }

    private static String describe(CellResult result) {
        if (result.status() != CellStatus.DONE) {
            return result.status().name().toLowerCase(java.util.Locale.ROOT)
                    + (result.error() == null ? "" : " (" + result.error() + ")");
        }
        if (result.verdicts().isEmpty()) {
            return "answered";
        }
        long passed = result.verdicts().stream().filter(Verdict::passed).count();
        return passed + "/" + result.verdicts().size() + " assertions passed";
    }

    private static Map<String, CellResult> cells(Experiment experiment) {
        Map<String, CellResult> cells = new LinkedHashMap<>();
        for (int row = 0; row < experiment.cases().size(); row++) {
            for (int col = 0; col < experiment.targets().size(); col++) {
                String key = experiment.cases().get(row).name() + "\u0000" + experiment.targets().get(col).label();
                // Two identical targets (or cases of one name) pair up in order rather than hiding each other.
                String unique = key;
                for (int n = 2; cells.containsKey(unique); n++) {
                    unique = key + " (" + n + ")";
                }
                cells.put(unique, experiment.results().get(row).get(col));
            }
        }
        return cells;
    }
}
