package dev.switchboard.app.traces;

import dev.switchboard.app.common.Clipboards;
import dev.switchboard.app.common.Icons;
import dev.switchboard.app.common.Styles;
import java.util.function.Function;
import javafx.beans.value.ObservableStringValue;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextArea;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;

/** The empty state: how to send a first request to this gateway, or start demo mode to see traces at once. */
final class GettingStartedView extends VBox {

    GettingStartedView(ObservableStringValue baseUrl, Runnable startDemo) {
        setId("gettingStarted");
        getStyleClass().add(Styles.EMPTY_STATE);
        setAlignment(Pos.TOP_CENTER);
        setSpacing(14);
        setMaxWidth(860);
        setMaxHeight(USE_PREF_SIZE);

        Label title = new Label("No traces yet");
        title.getStyleClass().add(Styles.PAGE_TITLE);
        Label hint = new Label();
        hint.setWrapText(true);
        hint.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() ->
                "Point any OpenAI client at " + baseUrl.get() + "/v1 and every call shows up here, live. "
                        + "Your provider key passes through and is never stored.", baseUrl));

        TabPane snippets = new TabPane(
                snippet("curl", "snippetCurl", baseUrl, FirstRequestSnippets::curl),
                snippet("Python", "snippetPython", baseUrl, FirstRequestSnippets::python),
                snippet("Node", "snippetNode", baseUrl, FirstRequestSnippets::node));
        snippets.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        snippets.setPrefHeight(230);

        Button demo = Icons.button("startDemo", "Try demo mode", Feather.PLAY_CIRCLE);
        demo.getStyleClass().add(atlantafx.base.theme.Styles.ACCENT);
        demo.setOnAction(e -> startDemo.run());
        Label demoHint = new Label("No API key at hand? Demo mode runs a built-in mock provider and sends it a few "
                + "requests a second, so you can see traces, tokens and costs flow. Demo data stays apart from yours.");
        demoHint.setWrapText(true);
        demoHint.getStyleClass().add(Styles.MUTED);
        getChildren().addAll(title, hint, snippets, new HBox(12, demo), demoHint);
    }

    private static Tab snippet(String name, String id, ObservableStringValue baseUrl, Function<String, String> text) {
        TextArea code = new TextArea();
        code.setId(id);
        code.setEditable(false);
        code.getStyleClass().addAll(Styles.MONO, Styles.CODE_BLOCK);
        code.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                () -> text.apply(baseUrl.get()), baseUrl));
        Button copy = Icons.button(id + "Copy", "Copy", Feather.COPY);
        copy.setOnAction(e -> Clipboards.copy(code.getText()));
        BorderPane pane = new BorderPane(code);
        HBox bar = new HBox(copy);
        bar.setAlignment(Pos.CENTER_RIGHT);
        bar.setStyle("-fx-padding: 6 0 0 0;");
        pane.setBottom(bar);
        return new Tab(name, pane);
    }
}
