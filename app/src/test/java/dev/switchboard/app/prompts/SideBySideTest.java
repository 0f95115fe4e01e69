package dev.switchboard.app.prompts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.prompts.diff.DiffLine;
import dev.switchboard.prompts.diff.DiffLine.Kind;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The two-column layout of a line diff: a replaced line reads across one row. */
class SideBySideTest {

    private static String shown(SideBySide.Row row) {
        return (row.left() == null ? "·" : row.left().text()) + " | " + (row.right() == null ? "·" : row.right().text());
    }

    @Test
    void replacedLinesFaceTheirReplacementsAndExtraLinesFaceGaps() {
        List<DiffLine> lines = List.of(
                new DiffLine(Kind.EQUAL, 1, 1, "same"),
                new DiffLine(Kind.DELETE, 2, null, "old a"),
                new DiffLine(Kind.DELETE, 3, null, "old b"),
                new DiffLine(Kind.INSERT, null, 2, "new a"),
                new DiffLine(Kind.EQUAL, 4, 3, "tail"),
                new DiffLine(Kind.INSERT, null, 4, "added"));

        assertThat(SideBySide.rows(lines)).extracting(SideBySideTest::shown).containsExactly(
                "same | same", "old a | new a", "old b | ·", "tail | tail", "· | added");
    }

    @Test
    void aDeletionAfterAnInsertionStartsANewPair() {
        List<DiffLine> lines = List.of(
                new DiffLine(Kind.INSERT, null, 1, "first new"),
                new DiffLine(Kind.DELETE, 1, null, "first old"));

        assertThat(SideBySide.rows(lines)).extracting(SideBySideTest::shown)
                .containsExactly("· | first new", "first old | ·");
    }
}
