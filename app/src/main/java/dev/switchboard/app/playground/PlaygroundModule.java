package dev.switchboard.app.playground;

import dev.switchboard.app.common.UiTasks;
import dev.switchboard.app.connection.ConnectionMode;
import dev.switchboard.app.connection.ConnectionViewModel;
import dev.switchboard.app.prompts.PromptsClient;
import dev.switchboard.app.routing.GovernanceClient;
import dev.switchboard.app.settings.AppSettings;
import dev.switchboard.app.settings.CustomPrice;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.beans.value.ObservableValue;
import okhttp3.OkHttpClient;

/**
 * Wires the Playground to the app: its calls go to whichever gateway the app is connected to, its catalog follows
 * the connection, and demo mode offers targets on the mock. The model is built the first time the page or the
 * Traces action needs it, so start-up pays nothing for it.
 */
public final class PlaygroundModule {
    private final ConnectionViewModel connection;
    private final ObservableValue<GovernanceClient> governance;
    private final Supplier<? extends ObservableValue<PromptsClient>> promptLibrary;
    private final Supplier<OkHttpClient> http;
    private final AppSettings settings;
    private final Supplier<Optional<String>> demoMock;
    private final UiTasks tasks;
    /** The connected gateway's URL for stream threads; written on the FX thread when the connection changes. */
    private volatile String baseUrl;
    private volatile List<CustomPrice> prices = List.of();
    private volatile GovernanceClient admin;
    private volatile PromptsClient library;
    private PlaygroundViewModel model;

    /**
     * @param governance    the admin API client of Routing &amp; keys (virtual keys), null while unavailable
     * @param promptLibrary makes the prompt library's client (saved prompts; null while unavailable) when the
     *                      Playground is first used, so start-up pays nothing for it
     */
    public PlaygroundModule(ConnectionViewModel connection, ObservableValue<GovernanceClient> governance,
                            Supplier<? extends ObservableValue<PromptsClient>> promptLibrary,
                            Supplier<OkHttpClient> http,
                            AppSettings settings, Supplier<Optional<String>> demoMock, UiTasks tasks) {
        this.connection = connection;
        this.governance = governance;
        this.promptLibrary = promptLibrary;
        this.http = http;
        this.settings = settings;
        this.demoMock = demoMock;
        this.tasks = tasks;
    }

    /** The Playground's model; FX thread. */
    public PlaygroundViewModel viewModel() {
        if (model == null) {
            model = build();
        }
        return model;
    }

    private PlaygroundViewModel build() {
        baseUrl = connection.baseUrl().get();
        prices = List.copyOf(settings.customPrices());
        settings.customPrices().addListener((javafx.collections.ListChangeListener<CustomPrice>) change ->
                prices = List.copyOf(settings.customPrices()));
        admin = governance.getValue();
        governance.addListener((obs, old, now) -> admin = now);
        ObservableValue<PromptsClient> prompts = promptLibrary.get();
        library = prompts.getValue();
        prompts.addListener((obs, old, now) -> library = now);
        PlaygroundViewModel vm = new PlaygroundViewModel(new GatewayChatStreamer(() -> baseUrl, http),
                new GatewayTargetCatalog(() -> baseUrl, http, () -> admin), new SavedPrompts(() -> library),
                new CostCalculator(() -> prices.stream().map(CustomPrice::toModelPrice).toList()),
                new PlaygroundStore(Path.of(settings.dataDir().get()).resolve("playground")), tasks,
                () -> connection.description().get(), Clock.systemUTC(), System::nanoTime);
        connection.client().addListener((obs, old, now) -> {
            baseUrl = connection.baseUrl().get();
            if (now != null) {
                follow(vm);
            }
        });
        if (connection.client().get() != null) {
            follow(vm);
        }
        return vm;
    }

    private void follow(PlaygroundViewModel vm) {
        vm.loadCatalog();
        if (connection.mode().get() == ConnectionMode.DEMO) {
            demoMock.get().ifPresent(vm::offerDemoTargets);
        }
    }
}
