package dev.switchboard.app.connection;

import dev.switchboard.app.common.Clipboards;
import dev.switchboard.app.common.Icons;
import dev.switchboard.app.common.Layouts;
import dev.switchboard.app.common.Styles;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.shape.Circle;
import javafx.util.Duration;
import org.kordamp.ikonli.feather.Feather;

/**
 * The status bar: which gateway, how it is doing (the dot), copy base URL / admin token, start/stop for the
 * embedded gateway, and a switcher between the embedded gateway and saved remote profiles.
 */
public final class ConnectionStatusBar extends HBox {
    static final Duration HEALTH_EVERY = Duration.seconds(5);

    public ConnectionStatusBar(ConnectionViewModel vm, ObservableList<ConnectionProfile> profiles,
                               Runnable manageConnections) {
        setId("statusBar");
        getStyleClass().add(Styles.STATUS_BAR);
        setAlignment(Pos.CENTER_LEFT);
        setSpacing(8);
        setPadding(new Insets(4, 12, 4, 12));

        Circle dot = new Circle(5);
        dot.setId("connectionDot");
        dot.getStyleClass().add(Styles.STATUS_DOT);
        vm.status().addListener((obs, old, status) -> colour(dot, status));
        colour(dot, vm.status().get());
        Label label = new Label();
        label.setId("connectionLabel");
        label.textProperty().bind(vm.description());

        Button copyUrl = Icons.iconButton("copyBaseUrl", Feather.LINK, "Copy the base URL for your OpenAI client");
        copyUrl.disableProperty().bind(vm.baseUrl().isNull());
        copyUrl.setOnAction(e -> Clipboards.copy(vm.baseUrl().get() + "/v1"));
        Button copyToken = Icons.iconButton("copyAdminToken", Feather.KEY,
                "Copy the embedded gateway's admin token (for the admin API)");
        copyToken.visibleProperty().bind(vm.embeddedMode().and(vm.baseUrl().isNotNull()));
        copyToken.managedProperty().bind(copyToken.visibleProperty());
        copyToken.setOnAction(e -> vm.embeddedAdminToken().ifPresent(Clipboards::copy));

        Button toggle = new Button();
        toggle.setId("toggleGateway");
        toggle.getStyleClass().add(atlantafx.base.theme.Styles.FLAT);
        var running = Bindings.createBooleanBinding(() -> vm.status().get() == ConnectionStatus.CONNECTED,
                vm.status());
        toggle.textProperty().bind(Bindings.when(running).then("Stop").otherwise("Start"));
        toggle.graphicProperty().bind(Bindings.createObjectBinding(() -> Icons.icon(running.get()
                ? Feather.SQUARE : Feather.PLAY), running));
        toggle.setTooltip(new Tooltip("Start or stop the embedded gateway"));
        toggle.visibleProperty().bind(vm.embeddedMode());
        toggle.managedProperty().bind(toggle.visibleProperty());
        toggle.disableProperty().bind(Bindings.createBooleanBinding(
                () -> vm.status().get() == ConnectionStatus.STARTING, vm.status()));
        toggle.setOnAction(e -> {
            if (running.get()) {
                vm.stopEmbedded();
            } else {
                vm.startEmbedded();
            }
        });

        MenuButton switcher = new MenuButton("Switch", Icons.icon(Feather.SERVER));
        switcher.setId("switchConnection");
        switcher.getStyleClass().add(atlantafx.base.theme.Styles.FLAT);
        Runnable rebuild = () -> {
            MenuItem embedded = new MenuItem("Embedded gateway");
            embedded.setId("useEmbedded");
            embedded.setOnAction(e -> vm.startEmbedded());
            switcher.getItems().setAll(embedded);
            for (ConnectionProfile profile : profiles) {
                MenuItem item = new MenuItem("Remote: " + profile.name() + " (" + profile.url() + ")");
                item.setOnAction(e -> vm.connectRemote(profile));
                switcher.getItems().add(item);
            }
            MenuItem manage = new MenuItem("Manage connections…");
            manage.setOnAction(e -> manageConnections.run());
            switcher.getItems().addAll(new SeparatorMenuItem(), manage);
        };
        profiles.addListener((ListChangeListener<ConnectionProfile>) c -> rebuild.run());
        rebuild.run();

        getChildren().addAll(dot, label, copyUrl, copyToken, Layouts.hspacer(), toggle, switcher);

        Timeline health = new Timeline(new KeyFrame(HEALTH_EVERY, e -> vm.checkHealth()));
        health.setCycleCount(Timeline.INDEFINITE);
        health.play();
    }

    private static void colour(Circle dot, ConnectionStatus status) {
        Styles.choose(dot, switch (status) {
            case CONNECTED -> Styles.DOT_OK;
            case STARTING, RECONNECTING -> Styles.DOT_WARN;
            case DOWN, STOPPED -> Styles.DOT_DOWN;
        }, Styles.DOT_OK, Styles.DOT_WARN, Styles.DOT_DOWN);
    }
}
