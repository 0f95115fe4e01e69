package dev.switchboard.app.playground;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.app.playground.ExperimentComparison.Change;
import dev.switchboard.app.playground.ExperimentComparison.CellChange;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Cells pair up by case and target; identical targets pair in order, and what changed is spelled out. */
class ExperimentComparisonTest {
    private static final Target SAME = new Target("openai", "gpt-4o-mini", null, null, null, null);

    private static CellResult done(String output, long latencyMs, boolean passed) {
        return new CellResult(CellStatus.DONE, output, 5L, latencyMs, 10, 5, new BigDecimal("0.0001"), null, null,
                List.of(new Verdict("contains: x", passed, "")));
    }

    private static Experiment experiment(List<Target> targets, List<CellResult> row) {
        return new Experiment("exp-1", "e", Instant.EPOCH, "gw", new Experiment.Source("Ad-hoc", List.of()),
                targets, List.of(new TestCase("case", Map.of(), List.of("contains: x"))), List.of(row));
    }

    @Test
    void identicalTargetsAreComparedInOrderInsteadOfHidingEachOther() {
        Experiment before = experiment(List.of(SAME, SAME), List.of(done("a", 100, true), done("b", 100, false)));
        Experiment after = experiment(List.of(SAME, SAME), List.of(done("a", 100, false), done("b2", 80, true)));

        List<CellChange> changes = ExperimentComparison.compare(before, after);

        assertThat(changes).extracting(CellChange::change).containsExactly(Change.WORSE, Change.BETTER);
        assertThat(changes.get(1).detail()).contains("0/1 assertions passed → 1/1 assertions passed")
                .contains("latency 100 ms → 80 ms").contains("output changed");
    }

    @Test
    void aTargetOnlyOneSideHasIsAddedOrRemoved() {
        Target other = new Target("anthropic", "claude-3-5-haiku-20241022", null, null, null, null);
        Experiment before = experiment(List.of(SAME), List.of(done("a", 100, true)));
        Experiment after = experiment(List.of(other), List.of(done("a", 100, true)));

        assertThat(ExperimentComparison.compare(before, after)).extracting(CellChange::change)
                .containsExactly(Change.ADDED, Change.REMOVED);
    }
}
