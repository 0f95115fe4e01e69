package dev.switchboard.app.shell;

import dev.switchboard.app.common.Icons;
import dev.switchboard.app.common.Layouts;
import dev.switchboard.app.common.Styles;
import dev.switchboard.app.connection.ConnectionMode;
import dev.switchboard.app.connection.ConnectionViewModel;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;

/** The window's frame: navigation on the left, banners and the current page in the middle, status bar below. */
public final class ShellView extends BorderPane {
    private final StackPane content = new StackPane();

    private final Map<Page, Supplier<Node>> factories = new EnumMap<>(Page.class);
    private final Map<Page, Node> built = new EnumMap<>(Page.class);

    /**
     * @param pages builds each page; a page is built the first time it is shown, so the window opens fast
     */
    public ShellView(ShellViewModel vm, ConnectionViewModel connection, Map<Page, Supplier<Node>> pages,
                     Node statusBar) {
        setId("shell");
        factories.putAll(pages);
        setLeft(navigation(vm));
        VBox middle = new VBox(demoBanner(connection), problemBanner(connection), content);
        VBox.setVgrow(content, Priority.ALWAYS);
        setCenter(middle);
        setBottom(statusBar);
        vm.page().addListener((obs, old, page) -> show(page));
        show(vm.page().get());
    }

    /**
     * Only the page on screen is in the scene: a hidden page left in it would still be styled and laid out at
     * every change of its data (the trace table on every new trace while the Playground streams). Pages keep their
     * state while out, and still learn from their visibility when they are shown.
     */
    private void show(Page page) {
        Node shown = built.computeIfAbsent(page, p -> factories.get(p).get());
        built.forEach((p, node) -> node.setVisible(p == page));
        content.getChildren().setAll(shown);
    }

    private VBox navigation(ShellViewModel vm) {
        VBox nav = new VBox(4);
        nav.setId("navigation");
        nav.getStyleClass().add(Styles.NAV);
        nav.setPadding(new Insets(12, 8, 12, 8));
        Label brand = new Label("Switchboard", Icons.icon(Feather.SHUFFLE));
        brand.getStyleClass().add(Styles.SECTION_TITLE);
        brand.setPadding(new Insets(0, 4, 12, 4));
        nav.getChildren().add(brand);
        ToggleGroup group = new ToggleGroup();
        for (Page page : Page.values()) {
            ToggleButton button = new ToggleButton(page.title(), Icons.icon(page.icon()));
            button.setId(page.navId());
            button.getStyleClass().add(Styles.NAV_BUTTON);
            button.setToggleGroup(group);
            button.setMaxWidth(Double.MAX_VALUE);
            button.setAlignment(Pos.CENTER_LEFT);
            button.setSelected(vm.page().get() == page);
            button.setOnAction(e -> {
                vm.show(page);
                button.setSelected(true);
            });
            vm.page().addListener((obs, old, now) -> button.setSelected(now == page));
            nav.getChildren().add(button);
        }
        return nav;
    }

    private static HBox problemBanner(ConnectionViewModel connection) {
        Label text = new Label();
        text.setId("connectionProblem");
        text.setWrapText(true);
        text.textProperty().bind(connection.problem());
        HBox banner = new HBox(8, Icons.icon(Feather.ALERT_TRIANGLE), text);
        banner.setId("connectionBanner");
        banner.getStyleClass().add(Styles.BANNER);
        banner.setAlignment(Pos.CENTER_LEFT);
        banner.visibleProperty().bind(connection.problem().isNotNull());
        banner.managedProperty().bind(banner.visibleProperty());
        return banner;
    }

    private static HBox demoBanner(ConnectionViewModel connection) {
        Label text = new Label("Demo mode: these traces come from a built-in mock provider, not a real model, "
                + "and are kept apart from your own data.");
        text.setWrapText(true);
        Button stop = Icons.button("stopDemo", "Leave demo", Feather.X_CIRCLE);
        stop.setOnAction(e -> connection.stopDemo());
        HBox banner = new HBox(8, Icons.icon(Feather.INFO), text, Layouts.hspacer(), stop);
        banner.setId("demoBanner");
        banner.getStyleClass().addAll(Styles.BANNER, Styles.BANNER_DEMO);
        banner.setAlignment(Pos.CENTER_LEFT);
        banner.visibleProperty().bind(Bindings.equal(connection.mode(), ConnectionMode.DEMO));
        banner.managedProperty().bind(banner.visibleProperty());
        return banner;
    }
}
