package dev.switchboard.app.playground;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * What the results area shows: one result per test case and target, and a summary per target. Lives on the FX
 * thread; the ViewModel's drain writes into it.
 */
public final class RunGrid {
    private final List<String> caseNames;
    private final List<String> targetLabels;
    private final List<List<ObjectProperty<CellResult>>> cells = new ArrayList<>();
    private final List<ObjectProperty<ColumnSummary>> summaries = new ArrayList<>();

    RunGrid(List<String> caseNames, List<String> targetLabels) {
        this.caseNames = List.copyOf(caseNames);
        this.targetLabels = List.copyOf(targetLabels);
        for (int row = 0; row < caseNames.size(); row++) {
            List<ObjectProperty<CellResult>> line = new ArrayList<>();
            for (int col = 0; col < targetLabels.size(); col++) {
                line.add(new SimpleObjectProperty<>(CellResult.QUEUED));
            }
            cells.add(line);
        }
        for (int col = 0; col < targetLabels.size(); col++) {
            summaries.add(new SimpleObjectProperty<>(ColumnSummary.of(column(col))));
        }
    }

    public List<String> caseNames() {
        return caseNames;
    }

    public List<String> targetLabels() {
        return targetLabels;
    }

    public ReadOnlyObjectProperty<CellResult> cell(int row, int col) {
        return cells.get(row).get(col);
    }

    public ReadOnlyObjectProperty<ColumnSummary> summary(int col) {
        return summaries.get(col);
    }

    void set(int row, int col, CellResult result) {
        cells.get(row).get(col).set(result);
    }

    void summarise(int col) {
        summaries.get(col).set(ColumnSummary.of(column(col)));
    }

    List<CellResult> column(int col) {
        return cells.stream().map(line -> line.get(col).get()).toList();
    }

    List<List<CellResult>> results() {
        return cells.stream().map(line -> line.stream().map(ObjectProperty::get).toList()).toList();
    }

    /** Finished cells over all cells, 0..1. */
    double progress() {
        long total = (long) caseNames.size() * targetLabels.size();
        long finished = cells.stream().flatMap(List::stream).filter(c -> c.get().status().finished()).count();
        return total == 0 ? 1 : finished / (double) total;
    }
}
