package dev.switchboard.app.prompts;

import dev.switchboard.app.common.Formats;
import dev.switchboard.app.common.Icons;
import dev.switchboard.app.common.Layouts;
import dev.switchboard.app.common.Styles;
import dev.switchboard.app.common.Widgets;
import dev.switchboard.prompts.model.PromptVersion;
import java.time.ZoneId;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;

/** The history tab: every version, and any two of them side by side with their changes coloured. */
final class PromptHistoryView extends SplitPane {

    PromptHistoryView(PromptHistoryViewModel vm, Consumer<PromptVersion> editFrom, ZoneId zone) {
        setId("promptHistory");
        setOrientation(Orientation.VERTICAL);

        TableView<PromptVersion> table = Widgets.table("versionTable", "No versions.");
        table.setItems(vm.versions());
        table.getColumns().add(Widgets.column("Version", 80, v -> "v" + v.number()));
        table.getColumns().add(Widgets.column("Labels", 150, v -> labelsOf(vm, v.number())));
        table.getColumns().add(Widgets.column("Commit message", 320, PromptVersion::commitMessage));
        table.getColumns().add(Widgets.column("Author", 100, PromptVersion::author));
        table.getColumns().add(Widgets.column("Saved", 150, v -> Formats.time(v.createdAt(), zone)));
        vm.labels().addListener((ListChangeListener<Map.Entry<String, Integer>>) c -> table.refresh());
        Button edit = Icons.button("editFromVersion", "Edit from this version", Feather.EDIT_2);
        edit.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        edit.setOnAction(e -> editFrom.accept(table.getSelectionModel().getSelectedItem()));
        HBox tableBar = new HBox(8, new Label("Versions"), Layouts.hspacer(), edit);
        tableBar.setAlignment(Pos.CENTER_LEFT);
        VBox versions = new VBox(8, tableBar, table);
        VBox.setVgrow(table, Priority.ALWAYS);

        ObservableList<Integer> numbers = FXCollections.observableArrayList();
        vm.versions().addListener((ListChangeListener<PromptVersion>) c -> numbers.setAll(
                vm.versions().stream().map(PromptVersion::number).toList()));
        ComboBox<Integer> from = versionPicker("diffFrom", numbers);
        from.valueProperty().bindBidirectional(vm.diffFrom());
        ComboBox<Integer> to = versionPicker("diffTo", numbers);
        to.valueProperty().bindBidirectional(vm.diffTo());
        HBox pickers = new HBox(8, new Label("Compare"), from, new Label("with"), to);
        pickers.setAlignment(Pos.CENTER_LEFT);
        DiffView diff = new DiffView();
        vm.diff().addListener((obs, old, now) -> diff.show(now));
        VBox.setVgrow(diff, Priority.ALWAYS);
        VBox compare = new VBox(8, pickers, diff, Widgets.message("historyError", vm.error(), true));
        compare.setPadding(new Insets(8, 0, 0, 0));

        getItems().addAll(versions, compare);
        setDividerPositions(0.32);
    }

    static ComboBox<Integer> versionPicker(String id, ObservableList<Integer> numbers) {
        ComboBox<Integer> picker = new ComboBox<>(numbers);
        picker.setId(id);
        picker.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(Integer number) {
                return number == null ? "" : "v" + number;
            }

            @Override
            public Integer fromString(String text) {
                return text == null || text.isBlank() ? null : Integer.valueOf(text.replace("v", "").strip());
            }
        });
        return picker;
    }

    private static String labelsOf(PromptHistoryViewModel vm, int number) {
        return vm.labels().stream().filter(e -> e.getValue() == number).map(Map.Entry::getKey)
                .collect(Collectors.joining(", "));
    }
}
