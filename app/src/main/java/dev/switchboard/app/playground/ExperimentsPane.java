package dev.switchboard.app.playground;

import dev.switchboard.app.common.Formats;
import dev.switchboard.app.common.Icons;
import dev.switchboard.app.common.Styles;
import dev.switchboard.app.common.Widgets;
import java.time.ZoneId;
import javafx.css.PseudoClass;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;

/** Saved experiments: reopen one, or compare two cell by cell to see what got better or worse. */
final class ExperimentsPane extends VBox {
    private static final PseudoClass FAILED = PseudoClass.getPseudoClass("failed");

    ExperimentsPane(PlaygroundViewModel vm) {
        super(10);
        setId("experimentsPane");
        setPadding(new Insets(12));
        TableView<Experiment.Summary> list = new TableView<>(vm.experiments());
        list.setId("experimentList");
        list.setPlaceholder(new Label("Every run is saved here as an experiment"));
        list.getColumns().add(Widgets.column("Experiment", 360, Experiment.Summary::name));
        list.getColumns().add(Widgets.column("Run at", 160,
                s -> Formats.time(s.createdAt(), ZoneId.systemDefault())));
        list.getColumns().add(Widgets.column("Targets", 80, s -> String.valueOf(s.targets())));
        list.getColumns().add(Widgets.column("Cases", 80, s -> String.valueOf(s.cases())));
        list.setPrefHeight(220);
        Button open = Icons.button("openExperiment", "Open", Feather.FOLDER);
        open.disableProperty().bind(list.getSelectionModel().selectedItemProperty().isNull());
        open.setOnAction(e -> vm.open(list.getSelectionModel().getSelectedItem()));
        list.setRowFactory(t -> {
            var row = new javafx.scene.control.TableRow<Experiment.Summary>();
            row.setOnMouseClicked(e -> {
                if (e.getClickCount() == 2 && row.getItem() != null) {
                    vm.open(row.getItem());
                }
            });
            return row;
        });

        ComboBox<Experiment.Summary> before = new ComboBox<>(vm.experiments());
        before.setId("compareBefore");
        before.setPromptText("Before");
        ComboBox<Experiment.Summary> after = new ComboBox<>(vm.experiments());
        after.setId("compareAfter");
        after.setPromptText("After");
        before.setPrefWidth(320);
        after.setPrefWidth(320);
        Button compare = Widgets.unshrinkable(Icons.button("compareExperiments", "Compare", Feather.GIT_PULL_REQUEST));
        compare.setOnAction(e -> vm.compare(before.getValue(), after.getValue()));
        HBox compareBar = new HBox(8, Widgets.unshrinkable(new Label("Compare")), before,
                Widgets.unshrinkable(new Label("with")), after, compare);
        compareBar.setAlignment(Pos.CENTER_LEFT);
        Label title = new Label();
        title.setId("comparisonTitle");
        title.getStyleClass().add(Styles.MUTED);
        title.textProperty().bind(vm.comparisonTitle());

        TableView<ExperimentComparison.CellChange> changes = new TableView<>(vm.comparison());
        changes.setId("comparisonTable");
        changes.setPlaceholder(new Label("Choose two experiments with the same test cases and targets"));
        changes.getColumns().add(changeColumn());
        changes.getColumns().add(Widgets.column("Test case", 140, ExperimentComparison.CellChange::testCase));
        changes.getColumns().add(Widgets.column("Target", 240, ExperimentComparison.CellChange::target));
        changes.getColumns().add(Widgets.column("What changed", 520, ExperimentComparison.CellChange::detail));
        VBox.setVgrow(changes, Priority.ALWAYS);

        Label heading = new Label("Experiments");
        heading.getStyleClass().add(Styles.SECTION_TITLE);
        getChildren().addAll(heading, list, open, compareBar, title, changes);
    }

    /** Better in green, worse in red, as a user scans for regressions. */
    private static TableColumn<ExperimentComparison.CellChange, String> changeColumn() {
        TableColumn<ExperimentComparison.CellChange, String> column = Widgets.column("Change", 100,
                c -> c.change().name().toLowerCase(java.util.Locale.ROOT));
        column.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item);
                getStyleClass().remove(Styles.STATUS_CELL);
                pseudoClassStateChanged(FAILED, !empty && "worse".equals(item));
                if (!empty && ("better".equals(item) || "worse".equals(item))) {
                    getStyleClass().add(Styles.STATUS_CELL);
                }
            }
        });
        return column;
    }
}
