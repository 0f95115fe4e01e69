package dev.switchboard.app.playground;

import dev.switchboard.app.common.Icons;
import dev.switchboard.app.common.Styles;
import dev.switchboard.app.common.Widgets;
import java.io.File;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Spinner;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.util.Subscription;
import org.kordamp.ikonli.feather.Feather;

/**
 * Matrix mode: test cases (typed in or loaded from CSV / JSONL) above, the results grid below: a row per case, a
 * column per target, each cell marked pass or fail, and a summary row per target.
 */
final class MatrixPane extends SplitPane {
    private static final double CELL_WIDTH = 260;
    private final PlaygroundViewModel vm;
    private final GridPane grid = new GridPane(6, 6);
    /** The shown cells' and summaries' listeners on the run, dropped with them. */
    private Subscription cellUpdates = Subscription.EMPTY;

    MatrixPane(PlaygroundViewModel vm) {
        this.vm = vm;
        setId("matrixPane");
        setOrientation(javafx.geometry.Orientation.VERTICAL);
        grid.setId("matrixGrid");
        grid.setPadding(new Insets(8));
        ScrollPane results = new ScrollPane(grid);
        results.setFitToWidth(true);
        getItems().addAll(casesEditor(), results);
        setDividerPositions(0.45);
        vm.grid().addListener((obs, old, now) -> refresh());
        visibleProperty().addListener((obs, was, is) -> refresh());
        refresh();
    }

    /**
     * Builds the grid only in matrix mode: in compare mode every drain would otherwise restyle and re-wrap a hidden
     * card per column, ten times a second, on the FX thread the streaming columns need.
     */
    private void refresh() {
        if (isVisible()) {
            showGrid(vm.grid().get());
        } else {
            clearGrid();
        }
    }

    private void clearGrid() {
        cellUpdates.unsubscribe();
        cellUpdates = Subscription.EMPTY;
        grid.getChildren().clear();
    }

    private VBox casesEditor() {
        TableView<TestCase> table = new TableView<>(vm.cases());
        table.setId("casesTable");
        table.setPlaceholder(new Label("No test cases yet: add one below or load a CSV / JSONL file"));
        table.getColumns().add(Widgets.column("Case", 120, TestCase::name));
        table.getColumns().add(Widgets.column("Variables", 260, c -> c.variables().entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(", "))));
        table.getColumns().add(Widgets.column("Assertions", 320, c -> String.join("; ", c.assertions())));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        VBox.setVgrow(table, Priority.ALWAYS);

        TextField name = new TextField();
        name.setId("caseName");
        name.setPromptText("Case name");
        TextArea variables = new TextArea();
        variables.setId("caseVariables");
        variables.setPromptText("Variables: one name=value per line");
        variables.setPrefRowCount(2);
        TextArea assertions = new TextArea();
        assertions.setId("caseAssertions");
        assertions.setPromptText("Assertions: one per line, e.g. contains: limit (also equals, regex, json, schema, "
                + "max_latency_ms, max_cost_usd)");
        assertions.setWrapText(true);
        assertions.setPrefRowCount(2);
        HBox.setHgrow(variables, Priority.ALWAYS);
        HBox.setHgrow(assertions, Priority.ALWAYS);
        Button add = Widgets.unshrinkable(Icons.button("addCase", "Add case", Feather.PLUS));
        add.setOnAction(e -> {
            if (vm.addCase(name.getText(), variables.getText(), assertions.getText())) {
                name.clear();
                variables.clear();
                assertions.clear();
            }
        });
        Button remove = Widgets.unshrinkable(Icons.button("removeCase", "Remove", Feather.TRASH_2));
        remove.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        remove.setOnAction(e -> vm.cases().remove(table.getSelectionModel().getSelectedItem()));
        Button load = Widgets.unshrinkable(Icons.button("loadCases", "Load CSV / JSONL…", Feather.UPLOAD));
        load.setOnAction(e -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle("Load test cases");
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("CSV or JSON lines",
                    "*.csv", "*.jsonl", "*.ndjson"));
            File file = chooser.showOpenDialog(getScene().getWindow());
            if (file != null) {
                vm.loadCases(file.toPath());
            }
        });
        Spinner<Integer> concurrency = new Spinner<>(1, 32, vm.concurrency().get());
        concurrency.setId("concurrency");
        concurrency.setPrefWidth(80);
        concurrency.valueProperty().addListener((obs, old, now) -> vm.concurrency().set(now));
        concurrency.setTooltip(new Tooltip("How many cells run at once"));
        VBox nameAndButtons = new VBox(6, name, new HBox(6, add, remove));
        HBox form = new HBox(8, nameAndButtons, variables, assertions);
        HBox tools = new HBox(8, load, new Label("At once:"), concurrency);
        tools.setAlignment(Pos.CENTER_LEFT);
        VBox box = new VBox(8, tools, table, form);
        box.setPadding(new Insets(8));
        return box;
    }

    private void showGrid(RunGrid run) {
        clearGrid();
        if (run == null) {
            Label none = new Label("Run the matrix to see a result per test case and target here.");
            none.getStyleClass().add(Styles.MUTED);
            grid.add(none, 0, 0);
            return;
        }
        for (int col = 0; col < run.targetLabels().size(); col++) {
            Label header = new Label(run.targetLabels().get(col));
            header.getStyleClass().add(Styles.SECTION_TITLE);
            header.setMaxWidth(CELL_WIDTH);
            header.setTooltip(new Tooltip(run.targetLabels().get(col)));
            grid.add(header, col + 1, 0);
            Label summary = new Label();
            summary.setId("summary-" + col);
            summary.setWrapText(true);
            summary.setMaxWidth(CELL_WIDTH);
            cellUpdates = cellUpdates.and(run.summary(col).subscribe(s -> summary.setText(String.valueOf(s))));
            grid.add(summary, col + 1, run.caseNames().size() + 1);
        }
        for (int row = 0; row < run.caseNames().size(); row++) {
            Label name = new Label(run.caseNames().get(row));
            name.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
            grid.add(name, 0, row + 1);
            for (int col = 0; col < run.targetLabels().size(); col++) {
                grid.add(cell(run, row, col), col + 1, row + 1);
            }
        }
        Label total = new Label("Summary");
        total.getStyleClass().add(Styles.SECTION_TITLE);
        grid.add(total, 0, run.caseNames().size() + 1);
    }

    /** A compact cell: pass/fail and metrics, the start of the answer; details in the tooltip. */
    private VBox cell(RunGrid run, int row, int col) {
        Label state = new Label();
        Label output = new Label();
        output.setWrapText(true);
        Label checks = new Label();
        checks.setId("verdicts-" + row + "-" + col);
        checks.setWrapText(true);
        checks.getStyleClass().add(Styles.MUTED);
        checks.managedProperty().bind(checks.visibleProperty());
        output.setMaxHeight(60);
        Tooltip details = new Tooltip();
        details.setWrapText(true);
        details.setMaxWidth(520);
        VBox box = new VBox(2, state, checks, output);
        box.setId("cell-" + row + "-" + col);
        box.getStyleClass().add(Styles.CARD);
        box.setPrefWidth(CELL_WIDTH);
        box.setMaxWidth(CELL_WIDTH);
        Tooltip.install(box, details);
        ContextMenu menu = new ContextMenu();
        MenuItem rerun = new MenuItem("Run again");
        rerun.setOnAction(e -> vm.rerunCell(row, col));
        MenuItem cancel = new MenuItem("Cancel");
        cancel.setOnAction(e -> vm.cancelCell(row, col));
        menu.getItems().addAll(rerun, cancel);
        box.setOnContextMenuRequested(e -> menu.show(box, e.getScreenX(), e.getScreenY()));
        Consumer<CellResult> show = r -> {
            state.setText(CellTexts.metrics(r));
            Boolean passed = r.passed();
            boolean ok = Boolean.TRUE.equals(passed) || passed == null && r.status() == CellStatus.DONE;
            boolean failed = Boolean.FALSE.equals(passed) || r.status() == CellStatus.FAILED;
            Styles.choose(state, ok ? Styles.STATUS_OK : failed ? Styles.STATUS_ERROR : null,
                    Styles.STATUS_OK, Styles.STATUS_ERROR);
            String text = r.error() != null ? r.error() : r.output();
            output.setText(text.length() > 160 ? text.substring(0, 157) + "…" : text);
            String verdicts = CellTexts.verdicts(r);
            checks.setText(verdicts);
            checks.setVisible(!verdicts.isEmpty());
            details.setText((verdicts.isEmpty() ? "" : verdicts + "\n\n") + text);
        };
        cellUpdates = cellUpdates.and(run.cell(row, col).subscribe(show));
        return box;
    }
}
