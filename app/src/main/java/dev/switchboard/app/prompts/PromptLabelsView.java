package dev.switchboard.app.prompts;

import dev.switchboard.app.common.Formats;
import dev.switchboard.app.common.Icons;
import dev.switchboard.app.common.Widgets;
import dev.switchboard.prompts.model.LabelMove;
import dev.switchboard.prompts.model.PromptVersion;
import java.time.ZoneId;
import java.util.Map;
import java.util.TreeSet;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;

/**
 * The labels tab: where each label points, a form to point one at a version (asked before it happens: moving
 * production changes what applications get), and every recorded move.
 */
final class PromptLabelsView extends VBox {

    PromptLabelsView(PromptHistoryViewModel vm, ZoneId zone) {
        setId("promptLabels");
        setSpacing(10);

        FlowPane current = new FlowPane(6, 6);
        current.setId("currentLabels");
        Runnable showLabels = () -> {
            current.getChildren().setAll(vm.labels().stream().map(e -> PromptListView.chip(
                    e.getKey() + " → v" + e.getValue(), "production".equals(e.getKey()))).toList());
            if (current.getChildren().isEmpty()) {
                current.getChildren().add(Widgets.hint("No labels yet: applications get the latest version."));
            }
        };
        vm.labels().addListener((ListChangeListener<Map.Entry<String, Integer>>) c -> showLabels.run());
        showLabels.run();

        ObservableList<String> names = FXCollections.observableArrayList("production", "staging");
        ComboBox<String> label = new ComboBox<>(names);
        vm.labels().addListener((ListChangeListener<Map.Entry<String, Integer>>) c -> {
            TreeSet<String> all = new TreeSet<>(names);
            vm.labels().forEach(e -> all.add(e.getKey()));
            // Replacing the items would clear the label being typed; keep it.
            String typed = vm.labelName().get();
            names.setAll(all);
            vm.labelName().set(typed);
        });
        label.setId("labelName");
        label.setEditable(true);
        label.valueProperty().bindBidirectional(vm.labelName());
        ObservableList<Integer> numbers = FXCollections.observableArrayList();
        vm.versions().addListener((ListChangeListener<PromptVersion>) c -> numbers.setAll(
                vm.versions().stream().map(PromptVersion::number).toList()));
        ComboBox<Integer> version = PromptHistoryView.versionPicker("labelVersion", numbers);
        version.valueProperty().bindBidirectional(vm.labelVersion());
        Button move = Icons.button("moveLabel", "Point label at version…", Feather.FLAG);
        move.disableProperty().bind(vm.prompt().isNull());
        move.setOnAction(e -> vm.requestMove());
        HBox form = new HBox(8, new Label("Label"), label, new Label("to"), version, move);
        form.setAlignment(Pos.CENTER_LEFT);

        vm.pendingMove().addListener((obs, old, request) -> {
            if (request != null) {
                Widgets.confirm(getScene().getWindow(), "Move label", request.question(), "Move " + request.label(),
                        "confirmMoveLabel", vm::confirmMove, vm::cancelMove);
            }
        });

        TableView<LabelMove> history = Widgets.table("labelHistory", "No label has been moved yet.");
        history.setItems(vm.labelHistory());
        history.getColumns().add(Widgets.column("Label", 120, LabelMove::label));
        history.getColumns().add(Widgets.column("From", 70, m -> version(m.fromVersion())));
        history.getColumns().add(Widgets.column("To", 70, m -> version(m.toVersion())));
        history.getColumns().add(Widgets.column("By", 100, LabelMove::movedBy));
        history.getColumns().add(Widgets.column("When", 150, m -> Formats.time(m.movedAt(), zone)));
        VBox.setVgrow(history, Priority.ALWAYS);

        Label title = new Label("Label history");
        title.setStyle("-fx-font-weight: bold");
        Label labelsTitle = new Label("Labels");
        labelsTitle.setStyle("-fx-font-weight: bold");
        getChildren().addAll(labelsTitle, current, form, Widgets.message("labelMessage", vm.message(), false),
                Widgets.message("labelError", vm.error(), true), title, history);
    }

    private static String version(Integer number) {
        return number == null ? Formats.NONE : "v" + number;
    }
}
