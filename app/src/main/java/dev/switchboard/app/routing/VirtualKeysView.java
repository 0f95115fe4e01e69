package dev.switchboard.app.routing;

import dev.switchboard.app.common.Icons;
import dev.switchboard.app.common.Layouts;
import dev.switchboard.app.common.Styles;
import dev.switchboard.app.common.Widgets;
import dev.switchboard.app.routing.GovernanceClient.VirtualKey;
import dev.switchboard.app.routing.VirtualKeyRow.TestOutcome;
import dev.switchboard.app.routing.VirtualKeyRow.TestState;
import java.util.List;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ChangeListener;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;

/**
 * The Virtual keys tab: stored provider credentials, shown by their hint only, with add, edit (name and custom
 * host), rotate, delete and test.
 */
public final class VirtualKeysView extends VBox {
    private final VirtualKeysViewModel vm;

    public VirtualKeysView(VirtualKeysViewModel vm) {
        this.vm = vm;
        setId("virtualKeysView");
        setSpacing(10);
        Button add = Icons.button("addVirtualKey", "Add virtual key", Feather.PLUS);
        add.getStyleClass().add(atlantafx.base.theme.Styles.ACCENT);
        add.setOnAction(e -> showAddDialog());
        Widgets.unshrinkable(add);
        Label about = Widgets.hint("Provider keys stored encrypted in the gateway. Apps name one with "
                + "x-portkey-virtual-key or \"virtual_key\" in a config, and never hold the key themselves.");
        HBox bar = new HBox(12, about, Layouts.hspacer(), add);
        bar.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(about, Priority.SOMETIMES);

        TableView<VirtualKeyRow> table = Widgets.table("virtualKeyTable", "No virtual keys yet. Add one to keep "
                + "provider keys in the gateway instead of in every app.");
        table.setItems(vm.rows());
        table.getColumns().addAll(List.of(
                Widgets.<VirtualKeyRow>column("ID", 140, r -> r.key().id()),
                Widgets.<VirtualKeyRow>column("Name", 170, r -> r.key().name()),
                Widgets.<VirtualKeyRow>column("Provider", 100, r -> r.key().provider()),
                Widgets.<VirtualKeyRow>column("Key", 70, r -> r.key().keyHint()),
                Widgets.<VirtualKeyRow>column("Custom host", 210,
                        r -> r.key().customHost() == null ? "" : r.key().customHost()),
                testColumn(), actionsColumn()));
        VBox.setVgrow(table, Priority.ALWAYS);
        getChildren().addAll(bar, Widgets.message("virtualKeysMessage", vm.message(), false),
                Widgets.message("virtualKeysError", vm.error(), true), table);
    }

    private TableColumn<VirtualKeyRow, String> testColumn() {
        TableColumn<VirtualKeyRow, String> column = new TableColumn<>("Connection");
        column.setPrefWidth(370);
        column.setCellFactory(c -> new TableCell<>() {
            private final Button test = Icons.button(null, "Test", Feather.ZAP);
            private final Label result = new Label();
            private final HBox box = new HBox(8, test, result);
            private final ChangeListener<TestOutcome> onTest = (obs, old, now) -> show(now);
            private VirtualKeyRow row;

            {
                box.setAlignment(Pos.CENTER_LEFT);
                test.getStyleClass().add(atlantafx.base.theme.Styles.SMALL);
                Widgets.unshrinkable(test);
                test.setOnAction(e -> vm.test(row));
            }

            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                if (row != null) {
                    row.test().removeListener(onTest);
                }
                row = empty || getTableRow() == null ? null : getTableRow().getItem();
                if (row == null) {
                    setGraphic(null);
                    return;
                }
                test.setId("testKey-" + row.key().id());
                result.setId("testResult-" + row.key().id());
                row.test().addListener(onTest);
                show(row.test().get());
                setGraphic(box);
            }

            private void show(TestOutcome outcome) {
                result.setText(outcome.message());
                result.setTooltip(outcome.message().isEmpty() ? null : new Tooltip(outcome.message()));
                Styles.choose(result, outcome.state() == TestState.OK ? Styles.STATUS_OK
                        : outcome.state() == TestState.FAILED ? Styles.ERROR_TEXT : Styles.MUTED,
                        Styles.STATUS_OK, Styles.ERROR_TEXT, Styles.MUTED);
                test.setDisable(outcome.state() == TestState.RUNNING);
            }
        });
        return column;
    }

    private TableColumn<VirtualKeyRow, String> actionsColumn() {
        TableColumn<VirtualKeyRow, String> column = new TableColumn<>("");
        column.setMinWidth(120);
        column.setMaxWidth(120);
        column.setSortable(false);
        column.setCellFactory(c -> new TableCell<>() {
            private final Button edit = Icons.iconButton(null, Feather.EDIT_2, "Edit name and custom host");
            private final Button rotate = Icons.iconButton(null, Feather.REFRESH_CW, "Rotate: replace the key");
            private final Button delete = Icons.iconButton(null, Feather.TRASH_2, "Delete this virtual key");
            private final HBox box = new HBox(4, edit, rotate, delete);

            {
                edit.setOnAction(e -> showEditDialog(getTableRow().getItem()));
                rotate.setOnAction(e -> showRotateDialog(getTableRow().getItem()));
                delete.setOnAction(e -> confirmDelete(getTableRow().getItem()));
            }

            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                VirtualKeyRow row = empty || getTableRow() == null ? null : getTableRow().getItem();
                if (row == null) {
                    setGraphic(null);
                    return;
                }
                edit.setId("editVirtualKey-" + row.key().id());
                rotate.setId("rotateKey-" + row.key().id());
                delete.setId("deleteKey-" + row.key().id());
                setGraphic(box);
            }
        });
        return column;
    }

    private void showAddDialog() {
        TextField id = field("vkId", vm.formId(), "made from the name when empty");
        TextField name = field("vkName", vm.formName(), "OpenAI production");
        ChoiceBox<String> provider = new ChoiceBox<>();
        provider.setId("vkProvider");
        provider.getItems().setAll(vm.providers());
        provider.valueProperty().bindBidirectional(vm.formProvider());
        PasswordField key = new PasswordField();
        key.setId("vkApiKey");
        key.setPromptText("sk-…");
        key.textProperty().bindBidirectional(vm.formApiKey());
        TextField host = field("vkCustomHost", vm.formCustomHost(), "optional, e.g. http://localhost:11434/v1");
        GridPane form = Widgets.form();
        form.addRow(0, new Label("Name"), name);
        form.addRow(1, new Label("ID"), id);
        form.addRow(2, new Label("Provider"), provider);
        form.addRow(3, new Label("API key"), key);
        form.addRow(4, new Label("Custom host"), host);
        VBox content = new VBox(12, form, Widgets.hint("The key is stored encrypted and never shown again: the "
                + "table shows its last four characters."), Widgets.message("vkError", vm.formError(), true));
        content.setPrefWidth(480);
        Dialog<?> dialog = Widgets.formDialog(getScene().getWindow(), "Add virtual key", "Add", "vkSave", content,
                vm::add, () -> {
                    unbind(vm.formApiKey(), key);
                    vm.cancelForm();
                });
        dialog.getDialogPane().lookupButton(dialog.getDialogPane().getButtonTypes().getFirst())
                .disableProperty().bind(vm.saving());
        dialog.show();
        name.requestFocus();
    }

    private void showEditDialog(VirtualKeyRow row) {
        VirtualKey key = row.key();
        vm.startEdit(key);
        TextField name = field("vkName", vm.formName(), "OpenAI production");
        TextField host = field("vkCustomHost", vm.formCustomHost(), "empty: the provider's own host");
        GridPane form = Widgets.form();
        form.addRow(0, new Label("Name"), name);
        form.addRow(1, new Label("Custom host"), host);
        VBox content = new VBox(12, Widgets.hint(key.id() + " · " + key.provider() + " · key " + key.keyHint()
                + ". The key stays as it is: rotate it to replace it."), form,
                Widgets.message("vkError", vm.formError(), true));
        content.setPrefWidth(480);
        Dialog<?> dialog = Widgets.formDialog(getScene().getWindow(), "Edit " + key.name(), "Save", "vkEditSave",
                content, vm::saveEdit, vm::cancelForm);
        dialog.getDialogPane().lookupButton(dialog.getDialogPane().getButtonTypes().getFirst())
                .disableProperty().bind(vm.saving());
        dialog.show();
        name.requestFocus();
    }

    private void showRotateDialog(VirtualKeyRow row) {
        VirtualKey key = row.key();
        PasswordField field = new PasswordField();
        field.setId("vkRotateKey");
        field.setPromptText("new " + key.provider() + " key");
        field.textProperty().bindBidirectional(vm.rotateApiKey());
        GridPane form = Widgets.form();
        form.addRow(0, new Label("New API key"), field);
        GridPane.setHgrow(field, Priority.ALWAYS);
        VBox content = new VBox(12, Widgets.hint("Replaces the key of " + key.name() + " (now " + key.keyHint()
                        + "). Requests use the new key within seconds; configs that name " + key.id()
                        + " need no change."), form, Widgets.message("vkRotateError", vm.rotateError(), true));
        content.setPrefWidth(460);
        Dialog<?> dialog = Widgets.formDialog(getScene().getWindow(), "Rotate " + key.name(), "Rotate",
                "vkRotateSave", content, done -> vm.rotate(row, done), () -> {
                    unbind(vm.rotateApiKey(), field);
                    vm.cancelRotate();
                });
        dialog.show();
        field.requestFocus();
    }

    private void confirmDelete(VirtualKeyRow row) {
        VirtualKey key = row.key();
        Widgets.confirm(getScene().getWindow(), "Delete virtual key", "Delete " + key.name() + " (" + key.id()
                        + ")? Requests and configs that name it fail until it is added again.", "Delete",
                "confirmDeleteKey", () -> vm.delete(row));
    }

    /** The dialog's fields go with it; the model's properties stay, so they must not keep the fields alive. */
    private static void unbind(StringProperty property, TextField field) {
        field.textProperty().unbindBidirectional(property);
    }

    private static TextField field(String id, StringProperty value, String prompt) {
        TextField field = new TextField();
        field.setId(id);
        field.setPromptText(prompt);
        field.setPrefColumnCount(26);
        field.textProperty().bindBidirectional(value);
        return field;
    }
}
