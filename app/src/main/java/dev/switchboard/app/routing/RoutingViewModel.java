package dev.switchboard.app.routing;

import dev.switchboard.app.common.PageLoad;
import dev.switchboard.app.common.UiTasks;
import java.time.Clock;
import java.time.ZoneId;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;

/**
 * The Routing &amp; keys page: one model per tab, all talking to the gateway the app is connected to. Nothing is read
 * until the page is first shown; after that, switching gateways clears every tab (nothing of the old gateway may
 * linger, least of all an unseen secret) and reads the new one.
 */
public final class RoutingViewModel {
    private final ReadOnlyObjectProperty<GovernanceClient> client;
    private final ReadOnlyStringProperty unavailable;
    private final VirtualKeysViewModel virtualKeys;
    private final ApiKeysViewModel apiKeys;
    private final ConfigsViewModel configs;
    private final CircuitsViewModel circuits;
    private final BooleanBinding loading;
    private final PageLoad load;

    /**
     * @param client      the gateway's admin API, or null while there is none to talk to
     * @param unavailable why there is none (e.g. demo mode), for the page to say
     */
    public RoutingViewModel(ReadOnlyObjectProperty<GovernanceClient> client, ReadOnlyStringProperty unavailable,
                            UiTasks tasks, Clock clock, ZoneId zone) {
        this.client = client;
        this.unavailable = unavailable;
        GovernanceCalls calls = new GovernanceCalls(client, tasks);
        virtualKeys = new VirtualKeysViewModel(calls);
        apiKeys = new ApiKeysViewModel(calls, zone);
        configs = new ConfigsViewModel(calls, zone);
        circuits = new CircuitsViewModel(calls, clock, zone);
        loading = virtualKeys.loading().or(apiKeys.loading()).or(configs.loading()).or(circuits.loading());
        load = new PageLoad(client, this::clear, this::readAll);
    }

    /** The page became visible: read everything, so what it shows is current. */
    public void pageShown() {
        load.shown();
    }

    public void refresh() {
        load.refresh();
    }

    private void readAll() {
        virtualKeys.refresh();
        apiKeys.refresh();
        configs.refresh();
        circuits.refresh();
    }

    private void clear() {
        virtualKeys.clear();
        apiKeys.clear();
        configs.clear();
        circuits.clear();
    }

    /** True while any tab waits for the gateway: a slow gateway shows as "Loading…", never as a frozen page. */
    public BooleanBinding loading() {
        return loading;
    }

    public ReadOnlyObjectProperty<GovernanceClient> client() {
        return client;
    }

    /** Why the page cannot show anything right now, or null when it can. */
    public ReadOnlyStringProperty unavailable() {
        return unavailable;
    }

    public VirtualKeysViewModel virtualKeys() {
        return virtualKeys;
    }

    public ApiKeysViewModel apiKeys() {
        return apiKeys;
    }

    public ConfigsViewModel configs() {
        return configs;
    }

    public CircuitsViewModel circuits() {
        return circuits;
    }
}
