package dev.switchboard.app.prompts;

import dev.switchboard.prompts.diff.DiffLine;
import java.util.ArrayList;
import java.util.List;

/**
 * Lays a line diff out in two columns, old left and new right: equal lines face each other, and a run of deleted
 * lines faces the run of inserted lines that replaced it, so a changed line reads across one row.
 */
final class SideBySide {
    /** One row; a side is null where that version has no line. */
    record Row(DiffLine left, DiffLine right) {
    }

    private SideBySide() {
    }

    static List<Row> rows(List<DiffLine> lines) {
        List<Row> rows = new ArrayList<>();
        List<DiffLine> deleted = new ArrayList<>();
        List<DiffLine> inserted = new ArrayList<>();
        for (DiffLine line : lines) {
            switch (line.kind()) {
                case DELETE -> {
                    if (!inserted.isEmpty()) {
                        flush(deleted, inserted, rows);
                    }
                    deleted.add(line);
                }
                case INSERT -> inserted.add(line);
                case EQUAL -> {
                    flush(deleted, inserted, rows);
                    rows.add(new Row(line, line));
                }
            }
        }
        flush(deleted, inserted, rows);
        return rows;
    }

    private static void flush(List<DiffLine> deleted, List<DiffLine> inserted, List<Row> rows) {
        for (int i = 0; i < Math.max(deleted.size(), inserted.size()); i++) {
            rows.add(new Row(i < deleted.size() ? deleted.get(i) : null, i < inserted.size() ? inserted.get(i) : null));
        }
        deleted.clear();
        inserted.clear();
    }
}
