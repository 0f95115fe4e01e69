package dev.switchboard.app.routing;

import dev.switchboard.app.common.Icons;
import dev.switchboard.app.common.Layouts;
import dev.switchboard.app.common.Styles;
import dev.switchboard.app.common.Widgets;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
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

        HBox banner = Widgets.unavailableBanner("routingUnavailable", vm.unavailable());

        TabPane tabs = new TabPane(
                Widgets.tab("tabVirtualKeys", "Virtual keys", Feather.KEY, new VirtualKeysView(vm.virtualKeys())),
                Widgets.tab("tabApiKeys", "API keys", Feather.LOCK, new ApiKeysView(vm.apiKeys())),
                Widgets.tab("tabConfigs", "Configs", Feather.GIT_MERGE, new ConfigsView(vm.configs())),
                Widgets.tab("tabCircuits", "Circuits", Feather.ZAP_OFF, new CircuitsView(vm.circuits())));
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
}
