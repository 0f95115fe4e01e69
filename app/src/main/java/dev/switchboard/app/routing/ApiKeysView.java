package dev.switchboard.app.routing;

import atlantafx.base.controls.ToggleSwitch;
import dev.switchboard.app.common.Clipboards;
import dev.switchboard.app.common.Icons;
import dev.switchboard.app.common.Layouts;
import dev.switchboard.app.common.Styles;
import dev.switchboard.app.common.Widgets;
import dev.switchboard.app.routing.ApiKeysViewModel.Gauge;
import dev.switchboard.app.routing.GovernanceClient.ApiKey;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.property.StringProperty;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Separator;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;

/**
 * The API keys tab: the keys callers present, their limits and today's spend; create (secret shown once), edit
 * limits next to what the key used of them, revoke, and the gateway-wide "require API keys" switch.
 */
public final class ApiKeysView extends VBox {
    private final ApiKeysViewModel vm;

    public ApiKeysView(ApiKeysViewModel vm) {
        this.vm = vm;
        setId("apiKeysView");
        setSpacing(10);
        Button create = Icons.button("createApiKey", "Create API key", Feather.PLUS);
        create.getStyleClass().add(atlantafx.base.theme.Styles.ACCENT);
        create.setOnAction(e -> {
            vm.cancelForm();
            showFormDialog(null);
        });
        Widgets.unshrinkable(create);
        HBox bar = new HBox(12, requireSwitch(), Layouts.hspacer(), create);
        bar.setAlignment(Pos.CENTER_LEFT);

        TableView<ApiKey> table = Widgets.table("apiKeyTable", "No API keys yet. Create one per app or team to "
                + "limit what it may spend and to see its usage.");
        table.setItems(vm.rows());
        table.getColumns().addAll(List.of(
                Widgets.<ApiKey>column("Name", 130, ApiKey::name),
                Widgets.<ApiKey>column("Team", 90, k -> k.team() == null ? "" : k.team()),
                atLeast(Widgets.<ApiKey>column("Prefix", 135, ApiKeysViewModel::prefix)),
                Widgets.<ApiKey>column("Models", 120, ApiKeysViewModel::models),
                Widgets.<ApiKey>column("Limits", 230, ApiKeysViewModel::limits),
                todayColumn(),
                atLeast(statusColumn()),
                actionsColumn()));
        VBox.setVgrow(table, Priority.ALWAYS);
        getChildren().addAll(bar, secretCard(), Widgets.message("apiKeysMessage", vm.message(), false),
                Widgets.message("apiKeysError", vm.error(), true), table);
    }

    private VBox requireSwitch() {
        ToggleSwitch require = new ToggleSwitch("Require API keys");
        require.setId("requireApiKeys");
        require.selectedProperty().bindBidirectional(vm.requireApiKeys());
        require.disableProperty().bind(vm.requireKnown().not().or(vm.requireSaving()));
        Label explain = new Label();
        explain.setId("requireApiKeysHint");
        explain.setWrapText(true);
        explain.getStyleClass().add(Styles.MUTED);
        explain.textProperty().bind(Bindings.createStringBinding(() -> {
            int active = vm.activeKeys().get();
            if (!vm.requireApiKeys().get()) {
                return "Off: anyone who can reach the gateway may call it. Keys still attribute usage and "
                        + "enforce their limits.";
            }
            return "On: requests without x-switchboard-api-key (or x-portkey-api-key) are refused with 401. "
                    + (active == 0 ? "No key is active: every request is refused." : active + " active "
                    + (active == 1 ? "key." : "keys."));
        }, vm.requireApiKeys(), vm.activeKeys()));
        return new VBox(4, require, explain);
    }

    /** The one time a new key's secret is shown: copy it, then it is gone. */
    private HBox secretCard() {
        Label title = new Label();
        title.getStyleClass().add(Styles.SECTION_TITLE);
        title.textProperty().bind(Bindings.concat("New API key for ", vm.createdFor()));
        Label warning = new Label("Copy it now: you won't see this key again. The gateway keeps only a hash.");
        warning.setId("newKeyWarning");
        warning.setWrapText(true);
        TextField secret = new TextField();
        secret.setId("newKeySecret");
        secret.setEditable(false);
        secret.getStyleClass().add(Styles.MONO);
        secret.setPrefColumnCount(42);
        secret.textProperty().bind(vm.createdSecret());
        Button copy = Icons.button("copyNewKey", "Copy", Feather.COPY);
        copy.setOnAction(e -> {
            Clipboards.copy(vm.createdSecret().get());
            copy.setText("Copied");
        });
        Button done = Icons.button("dismissNewKey", "Done", Feather.CHECK);
        done.setOnAction(e -> {
            vm.dismissSecret();
            copy.setText("Copy");
        });
        HBox field = new HBox(8, secret, copy, done);
        field.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(secret, Priority.ALWAYS);
        VBox text = new VBox(6, title, warning, field);
        HBox.setHgrow(text, Priority.ALWAYS);
        HBox card = new HBox(12, Icons.icon(Feather.ALERT_TRIANGLE), text);
        card.setId("newKeyCard");
        card.getStyleClass().addAll(Styles.BANNER, Styles.BANNER_DEMO);
        card.visibleProperty().bind(vm.createdSecret().isNotNull());
        card.managedProperty().bind(card.visibleProperty());
        return card;
    }

    private TableColumn<ApiKey, String> todayColumn() {
        TableColumn<ApiKey, String> column = new TableColumn<>("Today");
        column.setPrefWidth(170);
        column.setCellFactory(c -> new TableCell<>() {
            private final Label text = new Label();
            private final ProgressBar bar = gaugeBar();
            private final VBox box = new VBox(2, text, bar);

            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                ApiKey key = empty || getTableRow() == null ? null : getTableRow().getItem();
                if (key == null) {
                    setGraphic(null);
                    return;
                }
                Gauge today = ApiKeysViewModel.today(key);
                text.setText(today.used());
                show(bar, today);
                setGraphic(box);
            }
        });
        return column;
    }

    private static ProgressBar gaugeBar() {
        ProgressBar bar = new ProgressBar();
        bar.setMaxWidth(Double.MAX_VALUE);
        bar.setPrefHeight(6);
        bar.getStyleClass().add(atlantafx.base.theme.Styles.SMALL);
        return bar;
    }

    /** Fills a gauge's bar, red from 90 %; hidden for a limit that is not set. */
    private static void show(ProgressBar bar, Gauge gauge) {
        bar.setVisible(gauge.share() >= 0);
        bar.setManaged(gauge.share() >= 0);
        bar.setProgress(Math.max(0, gauge.share()));
        bar.getStyleClass().remove(atlantafx.base.theme.Styles.DANGER);
        if (gauge.share() >= 0.9) {
            bar.getStyleClass().add(atlantafx.base.theme.Styles.DANGER);
        }
    }

    /** What an edited key used this minute, today and this month, each against its limit. */
    private static GridPane gauges(ApiKey key) {
        GridPane grid = Widgets.form();
        grid.setId("akUsage");
        int row = 0;
        for (Gauge gauge : ApiKeysViewModel.gauges(key)) {
            ProgressBar bar = gaugeBar();
            bar.setPrefWidth(140);
            show(bar, gauge);
            // Bars in a column of their own line up, whatever the length of the text before them.
            grid.addRow(row++, new Label(gauge.what()), new Label(gauge.used()), bar);
        }
        return grid;
    }

    private TableColumn<ApiKey, String> statusColumn() {
        TableColumn<ApiKey, String> column = Widgets.column("Status", 170, vm::status);
        column.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item);
                String style = empty || item == null ? null : item.equals("Active") ? Styles.STATUS_OK : Styles.MUTED;
                Styles.choose(this, style, Styles.STATUS_OK, Styles.MUTED);
            }
        });
        return column;
    }

    private TableColumn<ApiKey, String> actionsColumn() {
        TableColumn<ApiKey, String> column = new TableColumn<>("");
        column.setMinWidth(90);
        column.setMaxWidth(90);
        column.setSortable(false);
        column.setCellFactory(c -> new TableCell<>() {
            private final Button edit = Icons.iconButton(null, Feather.EDIT_2, "Edit name, team and limits");
            private final Button revoke = Icons.iconButton(null, Feather.SLASH, "Revoke: refuse this key from now on");
            private final HBox box = new HBox(4, edit, revoke);

            {
                edit.setOnAction(e -> {
                    vm.startEdit(getTableRow().getItem());
                    showFormDialog(getTableRow().getItem());
                });
                revoke.setOnAction(e -> confirmRevoke(getTableRow().getItem()));
            }

            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                ApiKey key = empty || getTableRow() == null ? null : getTableRow().getItem();
                if (key == null || !key.active()) {
                    setGraphic(null);
                    return;
                }
                edit.setId("editApiKey-" + key.id());
                revoke.setId("revokeKey-" + key.id());
                setGraphic(box);
            }
        });
        return column;
    }

    /** The create form, or with {@code edited} the same form filled with its limits, below what it used. */
    private void showFormDialog(ApiKey edited) {
        GridPane form = Widgets.form();
        TextField name = field("akName", vm.formName(), "support-bot");
        form.addRow(0, new Label("Name"), name);
        form.addRow(1, new Label("Team"), field("akTeam", vm.formTeam(), "optional, e.g. support"));
        form.addRow(2, new Label("Allowed models"), field("akModels", vm.formModels(),
                "any model when empty"));
        form.addRow(3, new Label("Requests per minute"), field("akRpm", vm.formRequestsPerMinute(), "no limit"));
        form.addRow(4, new Label("Tokens per minute"), field("akTpm", vm.formTokensPerMinute(), "no limit"));
        form.addRow(5, new Label("Daily budget (USD)"), field("akBudgetDay", vm.formBudgetDay(), "no budget"));
        form.addRow(6, new Label("Monthly budget (USD)"), field("akBudgetMonth", vm.formBudgetMonth(),
                "no budget"));
        VBox content = new VBox(12);
        if (edited == null) {
            content.getChildren().addAll(form, Widgets.hint("The key's secret is shown once, right after it is "
                    + "created."));
        } else {
            Label used = new Label("Used so far");
            used.getStyleClass().add(Styles.SECTION_TITLE);
            content.getChildren().addAll(used, gauges(edited), new Separator(), form, Widgets.hint("Empty limits "
                    + "mean none. Changes apply to the next request; the key's secret stays the same."));
        }
        content.getChildren().add(Widgets.message("akError", vm.formError(), true));
        content.setPrefWidth(520);
        Dialog<?> dialog = Widgets.formDialog(getScene().getWindow(),
                edited == null ? "Create API key" : "Edit " + edited.name(), edited == null ? "Create" : "Save",
                "akSave", content, vm::save, vm::cancelForm);
        dialog.getDialogPane().lookupButton(dialog.getDialogPane().getButtonTypes().getFirst())
                .disableProperty().bind(vm.saving());
        dialog.show();
        name.requestFocus();
    }

    private void confirmRevoke(ApiKey key) {
        Widgets.confirm(getScene().getWindow(), "Revoke API key", "Revoke " + key.name() + " (" + key.prefix()
                        + "…)? Callers using it are refused from now on. This cannot be undone.", "Revoke",
                "confirmRevoke", () -> vm.revoke(key));
    }

    /** Prefix and status are short and must read whole: other columns give way first. */
    private static <T> TableColumn<ApiKey, T> atLeast(TableColumn<ApiKey, T> column) {
        column.setMinWidth(column.getPrefWidth());
        return column;
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
