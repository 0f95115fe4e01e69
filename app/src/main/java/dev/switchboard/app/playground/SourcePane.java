package dev.switchboard.app.playground;

import dev.switchboard.app.common.Icons;
import dev.switchboard.app.common.Layouts;
import dev.switchboard.app.common.Styles;
import dev.switchboard.app.common.Widgets;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import java.util.List;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;

/** The left pane: the messages to send (with {@code {{variables}}}) and the form for the variables' values. */
final class SourcePane extends ScrollPane {
    private final SourceViewModel source;
    private final VBox messages = new VBox(8);
    private final GridPane variables = new GridPane(8, 6);

    SourcePane(PlaygroundViewModel vm) {
        this.source = vm.source();
        setId("sourcePane");
        setFitToWidth(true);
        Label title = new Label("Source");
        title.getStyleClass().add(Styles.SECTION_TITLE);
        Label origin = new Label();
        origin.setId("sourceOrigin");
        origin.getStyleClass().add(Styles.MUTED);
        origin.textProperty().bind(source.origin());
        ComboBox<String> prompt = new ComboBox<>(vm.promptNames());
        prompt.setId("savedPrompt");
        prompt.setEditable(true);
        prompt.setPromptText("Saved prompt");
        prompt.setMaxWidth(Double.MAX_VALUE);
        TextField version = new TextField();
        version.setId("savedPromptVersion");
        version.setPromptText("latest");
        version.setPrefColumnCount(6);
        Button load = Icons.button("loadPrompt", "Load", Feather.DOWNLOAD);
        load.setOnAction(e -> vm.loadPrompt(prompt.getValue(), version.getText()));
        HBox.setHgrow(version, javafx.scene.layout.Priority.ALWAYS);
        Label savedHint = Widgets.hint("or start from a saved prompt (version number or label):");
        VBox saved = new VBox(6, savedHint, prompt, new HBox(6, version, load));
        MenuButton add = new MenuButton("Add message", Icons.icon(Feather.PLUS));
        add.setId("addMessage");
        for (String role : List.of("system", "user", "assistant")) {
            MenuItem item = new MenuItem(role);
            item.setId("addMessage-" + role);
            item.setOnAction(e -> source.addMessage(role));
            add.getItems().add(item);
        }
        Label problem = new Label();
        problem.setId("sourceProblem");
        problem.setWrapText(true);
        problem.getStyleClass().add(Styles.ERROR_TEXT);
        problem.textProperty().bind(source.problem());
        problem.visibleProperty().bind(source.problem().isNotNull());
        problem.managedProperty().bind(problem.visibleProperty());
        Label varsTitle = new Label("Variables");
        varsTitle.getStyleClass().add(Styles.SECTION_TITLE);
        Label varsHint = Widgets.hint("Write {{name}} in a message and a field for it appears here. In matrix mode "
                + "each test case brings its own values.");
        variables.setId("variablesForm");
        VBox box = new VBox(10, title, origin, messages, add, problem, saved, varsTitle, varsHint, variables);
        box.setPadding(new Insets(12));
        setContent(box);
        source.messages().addListener((ListChangeListener<MessageDraft>) change -> {
            while (change.next()) {
                if (change.wasAdded() || change.wasRemoved()) {
                    showMessages();
                    return;
                }
            }
        });
        source.variables().addListener((ListChangeListener<VariableField>) change -> showVariables());
        showMessages();
        showVariables();
    }

    private void showMessages() {
        messages.getChildren().clear();
        for (int i = 0; i < source.messages().size(); i++) {
            MessageDraft message = source.messages().get(i);
            ChoiceBox<String> role = new ChoiceBox<>();
            role.getItems().setAll("system", "developer", "user", "assistant");
            role.setId("messageRole-" + i);
            role.valueProperty().bindBidirectional(message.role());
            Button remove = Icons.iconButton("removeMessage-" + i, Feather.X, "Remove this message");
            remove.setOnAction(e -> source.removeMessage(message));
            TextArea content = new TextArea();
            content.setId("messageContent-" + i);
            content.setWrapText(true);
            content.setPrefRowCount(message.role().get().equals("system") ? 2 : 4);
            content.textProperty().bindBidirectional(message.content());
            messages.getChildren().add(new VBox(4, new HBox(6, role, Layouts.hspacer(), remove), content));
        }
    }

    private void showVariables() {
        variables.getChildren().clear();
        for (int i = 0; i < source.variables().size(); i++) {
            VariableField field = source.variables().get(i);
            TextField value = new TextField();
            value.setId("variable-" + field.name());
            value.textProperty().bindBidirectional(field.value());
            GridPane.setHgrow(value, javafx.scene.layout.Priority.ALWAYS);
            variables.addRow(i, new Label(field.name()), value);
        }
        if (source.variables().isEmpty()) {
            Label none = new Label("No variables");
            none.getStyleClass().add(Styles.MUTED);
            variables.add(none, 0, 0);
        }
    }
}
