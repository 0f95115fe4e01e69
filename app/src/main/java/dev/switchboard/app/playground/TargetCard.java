package dev.switchboard.app.playground;

import dev.switchboard.app.common.Icons;
import dev.switchboard.app.common.Layouts;
import dev.switchboard.app.common.Widgets;
import dev.switchboard.app.routing.Providers;
import java.util.List;
import javafx.beans.property.StringProperty;
import javafx.collections.MapChangeListener;
import javafx.collections.WeakMapChangeListener;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;

/** A target's settings as a column header: provider, model, key and parameters, with re-run, cancel and remove. */
final class TargetCard extends VBox {
    private static final String NO_KEY = "(no key)";
    /** Held here and registered weakly: cards are rebuilt when targets change, the catalog outlives them. */
    private final MapChangeListener<String, List<String>> onModels;
    private final MapChangeListener<String, String> onKeys;

    TargetCard(PlaygroundViewModel vm, TargetDraft target, int col) {
        super(6);
        setId("target-" + col);
        getStyleClass().add(dev.switchboard.app.common.Styles.CARD);

        ComboBox<String> provider = combo("targetProvider-" + col, "Provider", target.provider());
        provider.getItems().setAll(Providers.ALL);
        ComboBox<String> model = combo("targetModel-" + col, "Model", target.model());
        Runnable models = () -> {
            List<String> known = vm.models().getOrDefault(
                    target.provider().get() == null ? "openai" : target.provider().get(), List.of());
            if (!model.getItems().equals(known)) {
                model.getItems().setAll(known);
            }
        };
        models.run();
        target.provider().addListener((obs, old, now) -> models.run());
        onModels = change -> {
            // A catalog arriving after the card is built replaces the list, which drops the combo's selection and,
            // through the binding, the model the target names.
            String chosen = target.model().get();
            models.run();
            target.model().set(chosen);
        };
        vm.models().addListener(new WeakMapChangeListener<>(onModels));

        ComboBox<String> key = new ComboBox<>();
        key.setId("targetKey-" + col);
        key.setMaxWidth(Double.MAX_VALUE);
        key.setTooltip(new Tooltip("A provider key stored in the gateway (Routing & keys); keys never leave it"));
        Runnable keys = () -> {
            key.getItems().setAll(NO_KEY);
            key.getItems().addAll(vm.virtualKeys().keySet());
            key.setValue(target.virtualKey().get() == null ? NO_KEY : target.virtualKey().get());
        };
        keys.run();
        onKeys = change -> keys.run();
        vm.virtualKeys().addListener(new WeakMapChangeListener<>(onKeys));
        key.setOnAction(e -> vm.chooseVirtualKey(target, NO_KEY.equals(key.getValue()) ? null : key.getValue()));

        TextField temperature = Widgets.textField("targetTemperature-" + col, target.temperature());
        temperature.setPromptText("default");
        temperature.setPrefColumnCount(6);
        TextField maxTokens = Widgets.textField("targetMaxTokens-" + col, target.maxTokens());
        maxTokens.setPromptText("default");
        maxTokens.setPrefColumnCount(6);
        TextField host = Widgets.textField("targetHost-" + col, target.customHost());
        host.setPromptText("provider's own API");
        host.setPrefColumnCount(6);
        host.setTooltip(new Tooltip("Custom host: the provider's API base, e.g. a local or mock server"));
        TextField promptVersion = Widgets.textField("targetPromptVersion-" + col, target.promptVersion());
        promptVersion.setPromptText("the source");
        promptVersion.setPrefColumnCount(6);
        promptVersion.setTooltip(new Tooltip("Run this version of the loaded saved prompt in this column, "
                + "to compare prompt versions side by side"));
        GridPane form = Widgets.form();
        form.setHgap(6);
        form.setVgap(4);
        form.addRow(0, new Label("Provider"), provider);
        form.addRow(1, new Label("Model"), model);
        form.addRow(2, new Label("Key"), key);
        form.addRow(3, new Label("Temp."), temperature);
        form.addRow(4, new Label("Max tokens"), maxTokens);
        form.addRow(5, new Label("Host"), host);
        form.addRow(6, new Label("Version"), promptVersion);

        Button rerun = Icons.iconButton("rerun-" + col, Feather.REFRESH_CW, "Run this target again");
        rerun.setOnAction(e -> vm.rerunColumn(col));
        rerun.disableProperty().bind(vm.grid().isNull());
        Button cancel = Icons.iconButton("cancel-" + col, Feather.SQUARE, "Cancel this target's calls");
        cancel.setOnAction(e -> vm.cancelColumn(col));
        cancel.disableProperty().bind(vm.running().not());
        Button remove = Icons.iconButton("remove-" + col, Feather.X, "Remove this target");
        remove.setOnAction(e -> vm.removeTarget(target));
        remove.disableProperty().bind(vm.running());
        Label title = new Label("Target " + (col + 1));
        title.getStyleClass().add(dev.switchboard.app.common.Styles.SECTION_TITLE);
        HBox header = new HBox(2, title, Layouts.hspacer(), rerun, cancel, remove);
        header.setAlignment(Pos.CENTER_LEFT);
        getChildren().addAll(header, form);
    }

    private static ComboBox<String> combo(String id, String prompt, StringProperty value) {
        ComboBox<String> box = new ComboBox<>();
        box.setId(id);
        box.setEditable(true);
        box.setPromptText(prompt);
        box.setMaxWidth(Double.MAX_VALUE);
        box.valueProperty().bindBidirectional(value);
        return box;
    }

}
