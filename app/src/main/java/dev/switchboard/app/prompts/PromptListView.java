package dev.switchboard.app.prompts;

import dev.switchboard.app.common.Layouts;
import dev.switchboard.app.common.Styles;
import dev.switchboard.prompts.model.PromptSummary;
import java.util.Map;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/** The prompt list: search, folder and tag pickers, and each prompt with its latest version and labels. */
final class PromptListView extends VBox {
    private static final String ALL = "";

    /**
     * @param leave asked before another prompt opens; runs its argument once leaving is fine (at once, or after the
     *              user agreed to discard unsaved changes)
     */
    PromptListView(PromptListViewModel vm, Consumer<Runnable> leave) {
        setId("promptListPane");
        setSpacing(8);
        setPadding(new Insets(0, 8, 0, 0));
        setMinWidth(240);

        TextField search = new TextField();
        search.setId("promptSearch");
        search.setPromptText("Search name or description");
        search.textProperty().bindBidirectional(vm.search());

        ComboBox<String> folder = picker("promptFolder", "All folders", vm.folders());
        folder.valueProperty().addListener((obs, old, now) -> vm.folder().set(ALL.equals(now) ? null : now));
        vm.folder().addListener((obs, old, now) -> folder.setValue(now == null ? ALL : now));
        ComboBox<String> tag = picker("promptTag", "All tags", vm.tags());
        tag.valueProperty().addListener((obs, old, now) -> vm.tag().set(ALL.equals(now) ? null : now));
        vm.tag().addListener((obs, old, now) -> tag.setValue(now == null ? ALL : now));
        HBox pickers = new HBox(8, folder, tag);
        HBox.setHgrow(folder, Priority.ALWAYS);
        HBox.setHgrow(tag, Priority.ALWAYS);

        ListView<PromptSummary> list = new ListView<>(vm.prompts());
        list.setId("promptList");
        Label empty = new Label("No prompts match. Create one with New prompt, or import a file.");
        empty.setWrapText(true);
        empty.getStyleClass().add(Styles.MUTED);
        list.setPlaceholder(empty);
        list.setCellFactory(v -> new PromptCell());
        list.getSelectionModel().selectedItemProperty().addListener((obs, old, picked) -> {
            PromptSummary open = vm.selected().get();
            if (picked != null && picked != open) {
                // Keep the open prompt selected until leaving it is agreed.
                if (open != null) {
                    Platform.runLater(() -> list.getSelectionModel().select(open));
                }
                leave.accept(() -> vm.selected().set(picked));
            }
        });
        vm.selected().addListener((obs, old, now) -> {
            if (now == null) {
                list.getSelectionModel().clearSelection();
            } else if (list.getSelectionModel().getSelectedItem() != now) {
                list.getSelectionModel().select(now);
            }
        });
        VBox.setVgrow(list, Priority.ALWAYS);
        getChildren().addAll(search, pickers, list);
    }

    /** A picker whose first entry, the empty string, means "all". */
    private static ComboBox<String> picker(String id, String allText, ObservableList<String> values) {
        ObservableList<String> items = FXCollections.observableArrayList(ALL);
        items.addAll(values);
        ComboBox<String> box = new ComboBox<>(items);
        values.addListener((ListChangeListener<String>) c -> {
            // Replacing the items clears the choice; a folder or tag that still exists stays chosen.
            String chosen = box.getValue();
            items.setAll(ALL);
            items.addAll(values);
            box.setValue(chosen != null && items.contains(chosen) ? chosen : ALL);
        });
        box.setId(id);
        box.setMaxWidth(Double.MAX_VALUE);
        box.setValue(ALL);
        box.setConverter(new StringConverter<>() {
            @Override
            public String toString(String value) {
                return value == null || value.isEmpty() ? allText : value;
            }

            @Override
            public String fromString(String text) {
                return text;
            }
        });
        return box;
    }

    /** Name and latest version on the first line; description, then tags and label chips. */
    private static final class PromptCell extends ListCell<PromptSummary> {
        @Override
        protected void updateItem(PromptSummary prompt, boolean empty) {
            super.updateItem(prompt, empty);
            setText(null);
            if (empty || prompt == null) {
                setGraphic(null);
                return;
            }
            Label name = new Label(prompt.name());
            name.setStyle("-fx-font-weight: bold");
            Label version = new Label("v" + prompt.latestVersion());
            version.getStyleClass().add(Styles.MUTED);
            HBox head = new HBox(8, name, Layouts.hspacer(), version);
            head.setAlignment(Pos.CENTER_LEFT);
            VBox box = new VBox(3, head);
            if (!prompt.description().isBlank()) {
                Label description = new Label(prompt.description());
                description.getStyleClass().add(Styles.MUTED);
                box.getChildren().add(description);
            }
            FlowPane chips = new FlowPane(4, 4);
            for (Map.Entry<String, Integer> label : prompt.labels().entrySet()) {
                chips.getChildren().add(chip(label.getKey() + " → v" + label.getValue(),
                        "production".equals(label.getKey())));
            }
            for (String tag : prompt.tags()) {
                Label chip = new Label("#" + tag);
                chip.getStyleClass().add(Styles.MUTED);
                chips.getChildren().add(chip);
            }
            if (!chips.getChildren().isEmpty()) {
                box.getChildren().add(chips);
            }
            box.setMinWidth(0);
            box.setPadding(new Insets(4, 0, 4, 0));
            box.prefWidthProperty().bind(widthProperty().subtract(24));
            setGraphic(box);
            setTooltip(new Tooltip(prompt.name()));
        }
    }

    static Label chip(String text, boolean production) {
        Label chip = new Label(text);
        chip.getStyleClass().add(Styles.CHIP);
        if (production) {
            chip.getStyleClass().add(Styles.CHIP_PRODUCTION);
        }
        return chip;
    }
}
