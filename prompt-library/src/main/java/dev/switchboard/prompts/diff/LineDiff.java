package dev.switchboard.prompts.diff;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import com.github.difflib.patch.Chunk;
import java.util.ArrayList;
import java.util.List;

/** Turns java-diff-utils' deltas into a full line listing: equal lines included, deletions before insertions. */
final class LineDiff {
    private LineDiff() {
    }

    static List<DiffLine> of(String oldText, String newText) {
        List<String> oldLines = lines(oldText);
        List<String> newLines = lines(newText);
        List<DiffLine> result = new ArrayList<>();
        int oldAt = 0;
        int newAt = 0;
        for (AbstractDelta<String> delta : DiffUtils.diff(oldLines, newLines).getDeltas()) {
            Chunk<String> source = delta.getSource();
            Chunk<String> target = delta.getTarget();
            while (oldAt < source.getPosition()) {
                result.add(new DiffLine(DiffLine.Kind.EQUAL, oldAt + 1, newAt + 1, oldLines.get(oldAt)));
                oldAt++;
                newAt++;
            }
            for (String line : source.getLines()) {
                result.add(new DiffLine(DiffLine.Kind.DELETE, ++oldAt, null, line));
            }
            for (String line : target.getLines()) {
                result.add(new DiffLine(DiffLine.Kind.INSERT, null, ++newAt, line));
            }
        }
        while (oldAt < oldLines.size()) {
            result.add(new DiffLine(DiffLine.Kind.EQUAL, oldAt + 1, newAt + 1, oldLines.get(oldAt)));
            oldAt++;
            newAt++;
        }
        return result;
    }

    /** No text is no lines (an added message is all inserts); otherwise every line, a trailing empty one too. */
    private static List<String> lines(String text) {
        return text == null ? List.of() : List.of(text.split("\\R", -1));
    }
}
