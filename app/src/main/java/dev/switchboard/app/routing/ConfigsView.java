package dev.switchboard.app.routing;

import dev.switchboard.app.common.Icons;
import dev.switchboard.app.common.Layouts;
import dev.switchboard.app.common.Styles;
import dev.switchboard.app.common.Widgets;
import dev.switchboard.app.routing.GovernanceClient.SavedConfig;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;

/** The Configs tab: saved routing configs on the left, the JSON editor on the right; saving adds a version. */
public final class ConfigsView extends SplitPane {

    public ConfigsView(ConfigsViewModel vm) {
        setId("configsView");
        getItems().addAll(list(vm), editor(vm));
        setDividerPositions(0.26);
    }

    private static VBox list(ConfigsViewModel vm) {
        ListView<SavedConfig> list = new ListView<>(vm.configs());
        list.setId("configList");
        Label empty = new Label("No saved configs yet.");
        empty.getStyleClass().add(Styles.MUTED);
        list.setPlaceholder(empty);
        list.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(SavedConfig config, boolean empty) {
                super.updateItem(config, empty);
                if (empty || config == null) {
                    setText(null);
                    setGraphic(null);
                    return;
                }
                Label version = new Label("v" + config.version());
                version.getStyleClass().add(Styles.MUTED);
                HBox row = new HBox(8, new Label(config.id()), Layouts.hspacer(), version);
                row.setAlignment(Pos.CENTER_LEFT);
                setText(null);
                setGraphic(row);
            }
        });
        // The list's selection and the model's follow each other; "New config" clears both.
        list.getSelectionModel().selectedItemProperty().addListener((obs, old, picked) -> {
            if (picked != null && picked != vm.selected().get()) {
                vm.selected().set(picked);
            }
        });
        vm.selected().addListener((obs, old, config) -> {
            if (config == null) {
                list.getSelectionModel().clearSelection();
            } else if (list.getSelectionModel().getSelectedItem() != config) {
                list.getSelectionModel().select(config);
            }
        });
        Button add = Icons.button("newConfig", "New config", Feather.PLUS);
        add.setMaxWidth(Double.MAX_VALUE);
        add.setOnAction(e -> vm.newConfig());
        VBox box = new VBox(8, add, list);
        VBox.setVgrow(list, Priority.ALWAYS);
        box.setMinWidth(180);
        box.setPadding(new Insets(0, 8, 0, 0));
        return box;
    }

    private static VBox editor(ConfigsViewModel vm) {
        TextField id = new TextField();
        id.setId("configId");
        id.setPromptText("team-default");
        id.setPrefColumnCount(20);
        id.textProperty().bindBidirectional(vm.editorId());
        id.editableProperty().bind(vm.creating());
        Label version = new Label();
        version.setId("configVersion");
        version.getStyleClass().add(Styles.MUTED);
        version.textProperty().bind(vm.versionInfo());
        HBox head = new HBox(8, new Label("ID"), id, version);
        head.setAlignment(Pos.CENTER_LEFT);

        TextArea text = new TextArea();
        text.setId("configEditor");
        text.getStyleClass().add(Styles.MONO);
        text.textProperty().bindBidirectional(vm.editorText());
        VBox.setVgrow(text, Priority.ALWAYS);

        Label problem = Widgets.message("configJsonProblem", vm.jsonProblem(), true);
        Label saveError = Widgets.message("configSaveError", vm.saveError(), true);

        Button save = Icons.button("saveConfig", "Save", Feather.SAVE);
        save.getStyleClass().add(atlantafx.base.theme.Styles.ACCENT);
        save.disableProperty().bind(vm.jsonProblem().isNotNull().or(vm.saving()));
        save.setOnAction(e -> vm.save());
        Button format = Icons.button("formatConfig", "Format", Feather.ALIGN_LEFT);
        format.disableProperty().bind(vm.jsonProblem().isNotNull());
        format.setOnAction(e -> vm.format());
        Button delete = Icons.button("deleteConfig", "Delete", Feather.TRASH_2);
        delete.disableProperty().bind(vm.creating());
        delete.setOnAction(e -> Widgets.confirm(delete.getScene().getWindow(), "Delete config", "Delete "
                        + vm.editorId().get() + " and all its versions? Requests that name it are refused until "
                        + "it is saved again.", "Delete", "confirmDeleteConfig", vm::delete));
        HBox buttons = new HBox(8, save, format, Layouts.hspacer(), delete);
        buttons.setAlignment(Pos.CENTER_LEFT);

        Label usage = Widgets.hint("Requests use a saved config with the header x-portkey-config: <id> (latest "
                + "version) or <id>@<version>. Reference provider keys as \"virtual_key\" rather than pasting "
                + "\"api_key\": saved keys are never shown again.");
        VBox box = new VBox(8, head, text, problem, saveError, buttons,
                Widgets.message("configsMessage", vm.message(), false),
                Widgets.message("configsError", vm.error(), true), usage);
        box.setPadding(new Insets(0, 0, 0, 8));
        return box;
    }
}
