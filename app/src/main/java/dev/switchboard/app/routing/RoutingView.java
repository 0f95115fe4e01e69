package dev.switchboard.app.routing;

import dev.switchboard.app.common.Icons;
import dev.switchboard.app.common.Layouts;
import dev.switchboard.app.common.Styles;
import dev.switchboard.app.common.Widgets;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;

/**
 * The Routing &amp; keys page: virtual keys, gateway API keys, saved configs and circuit states of the gateway the app
 * is connected to, one tab each. Everything is read again whenever the page is shown.
 */
public final class RoutingView extends VBox {

    public RoutingView(RoutingViewModel vm) {
        setId("routingView");
        getStyleClass().add(Styles.PAGE);
        setSpacing(12);
        setPadding(new Insets(16));

        Label title = new Label("Routing & keys");
        title.getStyleClass().add(Styles.PAGE_TITLE);
        Label where = new Label();
        where.setId("routingGateway");
        where.getStyleClass().add(Styles.MUTED);
        where.textProperty().bind(Bindings.createStringBinding(() -> vm.client().get() == null ? ""
                : "Gateway " + vm.client().get().baseUrl(), vm.client()));
        Button refresh = Icons.button("refreshRouting", "Refresh", Feather.REFRESH_CW);
        refresh.disableProperty().bind(vm.client().isNull());
        refresh.setOnAction(e -> vm.refresh());
        Widgets.unshrinkable(refresh);
        Label loading = new Label("Loading…");
        loading.setId("routingLoading");
        loading.getStyleClass().add(Styles.MUTED);
        loading.visibleProperty().bind(vm.loading());
        HBox header = new HBox(12, title, where, loading, Layouts.hspacer(), refresh);
        header.setAlignment(Pos.BASELINE_LEFT);

        Label unavailable = new Label();
        unavailable.setId("routingUnavailable");
        unavailable.setWrapText(true);
        unavailable.textProperty().bind(vm.unavailable());
        HBox banner = new HBox(8, Icons.icon(Feather.INFO), unavailable);
        banner.getStyleClass().addAll(Styles.BANNER, Styles.BANNER_DEMO);
        banner.setAlignment(Pos.CENTER_LEFT);
        banner.visibleProperty().bind(vm.unavailable().isNotEmpty());
        banner.managedProperty().bind(banner.visibleProperty());

        TabPane tabs = new TabPane(
                tab("tabVirtualKeys", "Virtual keys", Feather.KEY, new VirtualKeysView(vm.virtualKeys())),
                tab("tabApiKeys", "API keys", Feather.LOCK, new ApiKeysView(vm.apiKeys())),
                tab("tabConfigs", "Configs", Feather.GIT_MERGE, new ConfigsView(vm.configs())),
                tab("tabCircuits", "Circuits", Feather.ZAP_OFF, new CircuitsView(vm.circuits())));
        tabs.setId("routingTabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.disableProperty().bind(vm.client().isNull());
        tabs.getSelectionModel().selectedItemProperty().addListener((obs, old, tab) -> {
            // Circuit states change by the second: read them whenever their tab is opened.
            if (tab != null && "tabCircuits".equals(tab.getId())) {
                vm.circuits().refresh();
            }
        });
        VBox.setVgrow(tabs, Priority.ALWAYS);
        getChildren().addAll(header, banner, tabs);

        visibleProperty().addListener((obs, old, visible) -> {
            if (visible) {
                vm.pageShown();
            }
        });
        // Built on first show.
        vm.pageShown();
    }

    private static Tab tab(String id, String text, Feather icon, Node content) {
        VBox box = new VBox(content);
        VBox.setVgrow(content, Priority.ALWAYS);
        box.setPadding(new Insets(12, 0, 0, 0));
        Tab tab = new Tab(text, box);
        tab.setId(id);
        tab.setGraphic(Icons.icon(icon));
        return tab;
    }
}
