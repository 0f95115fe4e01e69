package dev.switchboard.app.prompts;

import dev.switchboard.app.common.Icons;
import dev.switchboard.app.common.Layouts;
import dev.switchboard.app.common.Styles;
import dev.switchboard.app.common.Widgets;
import dev.switchboard.prompts.model.PromptVersion;
import java.io.File;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.function.Consumer;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import org.kordamp.ikonli.feather.Feather;

/**
 * The Prompts page: the prompt library of the gateway the app is connected to. The list on the left; the selected
 * prompt's editor, history with diffs, and labels on the right. Read again whenever the page is shown.
 */
public final class PromptsView extends VBox {
    private final PromptsViewModel vm;

    public PromptsView(PromptsViewModel vm, ZoneId zone) {
        this.vm = vm;
        setId("promptsView");
        getStyleClass().add(Styles.PAGE);
        setSpacing(12);
        setPadding(new Insets(16));

        Label title = new Label("Prompts");
        title.getStyleClass().add(Styles.PAGE_TITLE);
        Label loading = new Label("Loading…");
        loading.getStyleClass().add(Styles.MUTED);
        loading.visibleProperty().bind(vm.loading());
        Button create = Icons.button("newPrompt", "New prompt", Feather.PLUS);
        create.getStyleClass().add(atlantafx.base.theme.Styles.ACCENT);
        create.setOnAction(e -> newPrompt());
        Button importFile = Icons.button("importPrompts", "Import…", Feather.UPLOAD);
        importFile.setOnAction(e -> chooseImport());
        Button exportSelected = Icons.button("exportPrompt", "Export prompt…", Feather.DOWNLOAD);
        exportSelected.disableProperty().bind(vm.list().selected().isNull());
        exportSelected.setOnAction(e -> chooseExport(vm.list().selected().get().name().replace('/', '_'),
                vm::exportSelected));
        Button exportAll = Icons.button("exportAllPrompts", "Export all…", Feather.DOWNLOAD_CLOUD);
        exportAll.setOnAction(e -> chooseExport("prompts", vm::exportAll));
        Button refresh = Icons.iconButton("refreshPrompts", Feather.REFRESH_CW, "Refresh");
        refresh.setOnAction(e -> vm.refresh());
        HBox actions = new HBox(8, create, importFile, exportSelected, exportAll, refresh);
        actions.disableProperty().bind(vm.client().isNull());
        actions.getChildren().forEach(node -> Widgets.unshrinkable((Button) node));
        HBox header = new HBox(12, title, loading, Layouts.hspacer(), actions);
        header.setAlignment(Pos.CENTER_LEFT);

        HBox banner = Widgets.unavailableBanner("promptsUnavailable", vm.unavailable());

        TabPane tabs = new TabPane(
                Widgets.tab("tabPromptEditor", "Edit", Feather.EDIT, new PromptEditorView(vm.editor())),
                Widgets.tab("tabPromptHistory", "History & diff", Feather.GIT_COMMIT,
                        new PromptHistoryView(vm.history(), version -> leaveEditor(() -> {
                            vm.editFrom(version);
                            tabsOf(this).getSelectionModel().selectFirst();
                        }), zone)),
                Widgets.tab("tabPromptLabels", "Labels", Feather.FLAG, new PromptLabelsView(vm.history(), zone)));
        tabs.setId("promptTabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.visibleProperty().bind(vm.list().selected().isNotNull());
        Label pick = new Label("Pick a prompt on the left to edit it, see its history and move its labels, or "
                + "create one with New prompt.");
        pick.setId("promptsEmpty");
        pick.setWrapText(true);
        pick.setMaxWidth(420);
        pick.getStyleClass().add(Styles.MUTED);
        pick.visibleProperty().bind(tabs.visibleProperty().not());
        SplitPane split = new SplitPane(new PromptListView(vm.list(), this::leaveEditor), new StackPane(pick, tabs));
        split.setDividerPositions(0.27);
        VBox.setVgrow(split, Priority.ALWAYS);
        split.disableProperty().bind(vm.client().isNull());

        getChildren().addAll(header, banner, Widgets.message("promptsMessage", vm.message(), false),
                Widgets.message("promptsError", vm.error(), true), split);

        visibleProperty().addListener((obs, old, visible) -> {
            if (visible) {
                vm.pageShown();
            }
        });
        // Built on first show.
        vm.pageShown();
    }

    /** Runs {@code next} now, or once the user agreed to discard the editor's unsaved changes. */
    private void leaveEditor(Runnable next) {
        PromptVersion base = vm.editor().base().get();
        if (base == null || !vm.editor().changed().get()) {
            next.run();
            return;
        }
        Widgets.confirm(getScene().getWindow(), "Discard changes", "Your changes to " + base.promptName()
                + " (from version " + base.number() + ") are not saved. Discard them?", "Discard changes",
                "confirmDiscard", next);
    }

    private static TabPane tabsOf(PromptsView view) {
        return (TabPane) view.lookup("#promptTabs");
    }

    private void newPrompt() {
        TextField name = new TextField();
        name.setId("newPromptName");
        name.setPromptText("support/triage");
        TextField description = new TextField();
        description.setId("newPromptDescription");
        TextField tags = new TextField();
        tags.setId("newPromptTags");
        tags.setPromptText("support, email");
        StringProperty problem = new SimpleStringProperty();
        GridPane form = Widgets.form();
        form.addRow(0, new Label("Name"), name);
        form.addRow(1, new Label("Description"), description);
        form.addRow(2, new Label("Tags"), tags);
        VBox content = new VBox(10, form, Widgets.hint("Use / for folders. Version 1 is a small chat to edit; "
                + "{{input}} shows how variables work."), Widgets.message("newPromptError", problem, true));
        content.setPrefWidth(460);
        Widgets.formDialog(getScene().getWindow(), "New prompt", "Create", "createPrompt", content,
                close -> vm.createPrompt(name.getText(), description.getText(), tags.getText(), error -> {
                    problem.set(error);
                    if (error == null) {
                        close.run();
                    }
                }), () -> { }).show();
        name.requestFocus();
    }

    private FileChooser chooser(String title) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.getExtensionFilters().addAll(
                new FileChooser.ExtensionFilter("Prompt files (JSON, YAML)", "*.json", "*.yaml", "*.yml"),
                new FileChooser.ExtensionFilter("All files", "*.*"));
        return chooser;
    }

    private void chooseImport() {
        File file = chooser("Import prompts").showOpenDialog(getScene().getWindow());
        if (file != null) {
            vm.importFile(file.toPath());
        }
    }

    private void chooseExport(String baseName, Consumer<Path> export) {
        FileChooser chooser = chooser("Export prompts");
        chooser.setInitialFileName(baseName + ".yaml");
        File file = chooser.showSaveDialog(getScene().getWindow());
        if (file != null) {
            export.accept(file.toPath());
        }
    }
}
