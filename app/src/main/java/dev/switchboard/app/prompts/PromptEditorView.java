package dev.switchboard.app.prompts;

import dev.switchboard.app.common.Icons;
import dev.switchboard.app.common.Layouts;
import dev.switchboard.app.common.Styles;
import dev.switchboard.app.common.Widgets;
import dev.switchboard.prompts.model.PromptVersion;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.css.PseudoClass;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;

/**
 * The editor tab: the chat messages on the left (a role and a highlighted template each, reorderable), and on the
 * right the variables with values to try, the live token count, the model settings and the rendered preview.
 * The commit message and "Save as new version" sit below the messages.
 */
final class PromptEditorView extends SplitPane {
    private static final PseudoClass DANGER = atlantafx.base.theme.Styles.STATE_DANGER;

    private final PromptEditorViewModel vm;
    private final VBox messageBox = new VBox(8);
    /** Cards are kept per message so that reordering moves them, with their caret, rather than rebuilding them. */
    private final Map<MessageDraft, Node> cards = new HashMap<>();

    PromptEditorView(PromptEditorViewModel vm) {
        this.vm = vm;
        setId("promptEditor");
        getItems().addAll(messagesPane(), sidePane());
        setDividerPositions(0.62);
    }

    private VBox messagesPane() {
        Label editing = new Label();
        editing.setId("editingVersion");
        editing.getStyleClass().add(Styles.MUTED);
        editing.textProperty().bind(Bindings.createStringBinding(() -> {
            PromptVersion base = vm.base().get();
            if (base == null) {
                return "Opening…";
            }
            return base.promptName() + " · editing from version " + base.number()
                    + (vm.changed().get() ? " · changed" : "");
        }, vm.base(), vm.changed()));

        vm.messages().addListener((ListChangeListener<MessageDraft>) c -> {
            while (c.next()) {
                if (c.wasAdded() || c.wasRemoved() || c.wasPermutated()) {
                    layoutMessages();
                    return;
                }
            }
        });
        vm.textPrompt().addListener(o -> layoutMessages());
        layoutMessages();
        Button add = Icons.button("addMessage", "Add message", Feather.PLUS);
        add.visibleProperty().bind(vm.base().isNotNull().and(vm.textPrompt().not()));
        add.managedProperty().bind(add.visibleProperty());
        add.setOnAction(e -> vm.addMessage());
        ScrollPane scroll = new ScrollPane(new VBox(8, messageBox, add));
        scroll.setId("messageScroll");
        scroll.setFitToWidth(true);
        VBox.setVgrow(scroll, Priority.ALWAYS);

        TextField commit = new TextField();
        commit.setId("commitMessage");
        commit.setPromptText("What changed (commit message)");
        commit.textProperty().bindBidirectional(vm.commitMessage());
        HBox.setHgrow(commit, Priority.ALWAYS);
        Button save = Icons.button("saveVersion", "Save as new version", Feather.SAVE);
        save.getStyleClass().add(atlantafx.base.theme.Styles.ACCENT);
        save.disableProperty().bind(vm.canSave().not());
        save.setOnAction(e -> vm.save());
        commit.setOnAction(e -> vm.save());
        Widgets.unshrinkable(save);
        HBox saveBar = new HBox(8, commit, save);
        saveBar.setAlignment(Pos.CENTER_LEFT);

        VBox pane = new VBox(8, editing, scroll, saveBar, Widgets.message("editorMessage", vm.message(), false),
                Widgets.message("editorError", vm.error(), true));
        pane.setPadding(new Insets(0, 8, 0, 0));
        return pane;
    }

    private void layoutMessages() {
        cards.keySet().retainAll(vm.messages());
        messageBox.getChildren().setAll(vm.messages().stream()
                .map(m -> cards.computeIfAbsent(m, this::card)).toList());
        for (int i = 0; i < vm.messages().size(); i++) {
            messageBox.getChildren().get(i).setId("message" + i);
        }
    }

    private Node card(MessageDraft draft) {
        ComboBox<String> role = new ComboBox<>(FXCollections.observableArrayList(PromptEditorViewModel.ROLES));
        role.getStyleClass().add("role");
        role.valueProperty().bindBidirectional(draft.role());
        role.visibleProperty().bind(vm.textPrompt().not());
        role.managedProperty().bind(role.visibleProperty());
        Label textLabel = new Label("Text prompt (can be included by others as a partial)");
        textLabel.getStyleClass().add(Styles.MUTED);
        textLabel.visibleProperty().bind(vm.textPrompt());
        textLabel.managedProperty().bind(textLabel.visibleProperty());
        Button up = Icons.iconButton(null, Feather.ARROW_UP, "Move up");
        up.setOnAction(e -> vm.moveUp(draft));
        Button down = Icons.iconButton(null, Feather.ARROW_DOWN, "Move down");
        down.setOnAction(e -> vm.moveDown(draft));
        Button remove = Icons.iconButton(null, Feather.TRASH_2, "Remove message");
        remove.setOnAction(e -> vm.remove(draft));
        for (Button button : new Button[] {up, down, remove}) {
            button.visibleProperty().bind(vm.textPrompt().not());
            button.managedProperty().bind(button.visibleProperty());
        }
        up.getStyleClass().add("moveUp");
        down.getStyleClass().add("moveDown");
        remove.getStyleClass().add("removeMessage");
        HBox head = new HBox(6, role, textLabel, Layouts.hspacer(), up, down, remove);
        head.setAlignment(Pos.CENTER_LEFT);
        VBox card = new VBox(6, head, new TemplateArea(null, draft.content()));
        card.getStyleClass().add(Styles.MESSAGE_CARD);
        return card;
    }

    private ScrollPane sidePane() {
        Label tokens = new Label();
        tokens.setId("tokenCount");
        tokens.getStyleClass().add(Styles.SECTION_TITLE);
        tokens.textProperty().bind(Bindings.createStringBinding(() -> vm.base().get() == null ? ""
                : vm.tokens().get() + " input tokens", vm.tokens(), vm.base()));
        Label tokenHint = Widgets.hint("The rendered prompt with the values below, counted with OpenAI's "
                + "tokenizer (other providers count a little differently).");

        GridPane variables = Widgets.form();
        variables.setId("variablesPanel");
        vm.variables().addListener((ListChangeListener<VariableValue>) c -> fillVariables(variables));
        Label noVariables = Widgets.hint("This template uses no {{variables}}.");
        noVariables.visibleProperty().bind(Bindings.isEmpty(vm.variables()).and(vm.base().isNotNull()));
        noVariables.managedProperty().bind(noVariables.visibleProperty());

        GridPane model = Widgets.form();
        TextField modelField = field("promptModel", "e.g. gpt-4o-mini (empty: the caller chooses)", vm.model());
        TextField providerField = field("promptProvider", "e.g. openai (empty: routed by model)", vm.provider());
        model.addRow(0, new Label("Model"), modelField);
        model.addRow(1, new Label("Provider"), providerField);

        TextArea preview = new TextArea();
        preview.setId("renderedPreview");
        preview.setEditable(false);
        preview.setWrapText(true);
        preview.setPrefRowCount(8);
        preview.getStyleClass().add(Styles.MONO);
        preview.textProperty().bind(Bindings.createStringBinding(() -> vm.rendered().stream()
                .map(m -> m.role() + ":\n" + m.content()).collect(Collectors.joining("\n\n")), vm.rendered()));
        TitledPane previewPane = new TitledPane("Rendered preview", preview);
        previewPane.setExpanded(false);

        VBox side = new VBox(10,
                tokens, tokenHint, Widgets.message("templateProblem", vm.templateProblem(), true),
                section("Variables"), noVariables, variables,
                section("Model"), model,
                section("Parameters"), json("promptParameters", "{\"temperature\": 0.2, \"max_tokens\": 500}",
                        vm.parametersJson(), vm.parametersProblem()),
                Widgets.message("parametersProblem", vm.parametersProblem(), true),
                section("Tools"), json("promptTools", "[{\"type\": \"function\", \"function\": {\"name\": …}}]",
                        vm.toolsJson(), vm.toolsProblem()),
                Widgets.message("toolsProblem", vm.toolsProblem(), true),
                section("Response format"), json("promptResponseFormat", "{\"type\": \"json_object\"}",
                        vm.responseFormatJson(), vm.responseFormatProblem()),
                Widgets.message("responseFormatProblem", vm.responseFormatProblem(), true),
                previewPane);
        side.setPadding(new Insets(0, 12, 12, 12));
        side.disableProperty().bind(vm.base().isNull());
        ScrollPane scroll = new ScrollPane(side);
        scroll.setFitToWidth(true);
        scroll.setMinWidth(280);
        return scroll;
    }

    private void fillVariables(GridPane grid) {
        grid.getChildren().clear();
        int row = 0;
        for (VariableValue variable : vm.variables()) {
            TextField value = new TextField();
            value.setId("variable-" + variable.name().replaceAll("[^A-Za-z0-9_-]", "_"));
            value.setPromptText("value to try");
            value.textProperty().bindBidirectional(variable.value());
            Label name = new Label(variable.name());
            name.getStyleClass().add(Styles.MONO);
            grid.addRow(row++, name, value);
        }
    }

    private static Label section(String text) {
        Label label = new Label(text);
        label.setStyle("-fx-font-weight: bold");
        return label;
    }

    private static TextField field(String id, String prompt, StringProperty value) {
        TextField field = Widgets.textField(id, value);
        field.setPromptText(prompt);
        return field;
    }

    private static TextArea json(String id, String prompt, StringProperty value,
                                 ReadOnlyStringProperty problem) {
        TextArea area = new TextArea();
        area.setId(id);
        area.setPromptText(prompt);
        area.setPrefRowCount(4);
        area.getStyleClass().add(Styles.MONO);
        area.textProperty().bindBidirectional(value);
        problem.addListener((obs, was, now) -> area.pseudoClassStateChanged(DANGER, now != null));
        return area;
    }
}
