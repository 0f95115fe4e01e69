package dev.switchboard.app;

import dev.switchboard.app.common.Icons;
import dev.switchboard.app.common.Styles;
import dev.switchboard.app.common.UiTasks;
import dev.switchboard.app.connection.AdminApiConnection;
import dev.switchboard.app.connection.ConnectionChecker;
import dev.switchboard.app.connection.ConnectionStatusBar;
import dev.switchboard.app.connection.ConnectionViewModel;
import dev.switchboard.app.connection.EmbeddedGatewayHost;
import dev.switchboard.app.connection.LiveHub;
import dev.switchboard.app.connection.ProfilesView;
import dev.switchboard.app.connection.ProfilesViewModel;
import dev.switchboard.app.connection.TokenCipher;
import dev.switchboard.app.demo.DemoMode;
import dev.switchboard.app.playground.PlaygroundModule;
import dev.switchboard.app.playground.PlaygroundView;
import dev.switchboard.app.playground.PlaygroundViewModel;
import dev.switchboard.app.prompts.AdminApiPromptsClient;
import dev.switchboard.app.prompts.PromptsClient;
import dev.switchboard.app.prompts.PromptsModule;
import dev.switchboard.app.routing.GovernanceConnection;
import dev.switchboard.app.routing.RoutingView;
import dev.switchboard.app.routing.RoutingViewModel;
import dev.switchboard.app.settings.AppSettings;
import dev.switchboard.app.settings.CustomPrice;
import dev.switchboard.app.settings.RetentionLimits;
import dev.switchboard.app.settings.SettingsData;
import dev.switchboard.app.settings.SettingsStore;
import dev.switchboard.app.settings.SettingsView;
import dev.switchboard.app.settings.SettingsViewModel;
import dev.switchboard.app.shell.Page;
import dev.switchboard.app.shell.ShellView;
import dev.switchboard.app.shell.ShellViewModel;
import dev.switchboard.app.shell.ThemeManager;
import dev.switchboard.app.shell.WindowIcons;
import dev.switchboard.app.traces.TraceDetailViewModel;
import dev.switchboard.app.traces.TracesView;
import dev.switchboard.app.traces.TracesViewModel;
import dev.switchboard.app.usage.UsageView;
import dev.switchboard.app.usage.UsageViewModel;
import dev.switchboard.gateway.GatewayConfig;
import dev.switchboard.gateway.trace.TraceAssembler.BodyCapture;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.image.Image;
import javafx.stage.Screen;
import javafx.stage.Stage;
import okhttp3.OkHttpClient;

/**
 * The desktop app. Everything is wired here and nowhere else: settings, the embedded gateway host, the connection,
 * and one ViewModel and View per page. Slow work (reading settings, asking the OS for its theme, decoding the icon)
 * happens off the FX thread, before {@link #start}; the gateway starts in the background after the window shows.
 */
public final class SwitchboardApp extends Application {
    private final AppOptions options;
    /** Started by the launcher before the FX toolkit, or by {@link #init()}. */
    private CompletableFuture<StartupInputs> inputs;
    private SettingsStore settingsStore;
    private SettingsData loaded;
    private boolean osDark;
    private List<Image> icons;
    /** Built once the window is drawn: OkHttp's first use loads a few hundred classes; nothing needs it sooner. */
    private final CompletableFuture<OkHttpClient> httpClient = new CompletableFuture<>();
    private ExecutorService background;
    private EmbeddedGatewayHost host;
    private DemoMode demo;
    private LiveHub hub;
    private ConnectionViewModel connection;
    private TracesViewModel traces;
    private PlaygroundModule playground;
    private Stage stage;
    private ShutdownSequence shutdown;

    public SwitchboardApp() {
        this(AppOptions.fromSystemProperties());
    }

    /** For tests and the benchmark: a given config and data directory, and a port (0 = free). */
    public SwitchboardApp(AppOptions options) {
        this(options, null);
    }

    /** @param inputs already being read (see {@link SwitchboardLauncher}); null: {@link #init()} reads them */
    SwitchboardApp(AppOptions options, CompletableFuture<StartupInputs> inputs) {
        this.options = options;
        this.inputs = inputs;
    }

    @Override
    public void init() {
        if (inputs == null) {
            inputs = StartupInputs.read(options);
        }
        CompletableFuture.runAsync(Icons::preload);
        icons = WindowIcons.load();
        StartupInputs ready = inputs.join();
        settingsStore = ready.store();
        loaded = ready.settings();
        osDark = ready.osPrefersDark();
    }

    @Override
    public void start(Stage primaryStage) {
        if (settingsStore == null) {
            // Started by a test harness that skips init(): the same work, still before any window shows.
            init();
        }
        stage = primaryStage;
        background = Executors.newVirtualThreadPerTaskExecutor();
        UiTasks tasks = UiTasks.forFx(background);
        AppSettings settings = new AppSettings(loaded).autoSave(settingsStore);
        if (options.dataDir() != null) {
            settings.dataDir().set(options.dataDir().toString());
        }
        ThemeManager theme = new ThemeManager(osDark);
        theme.apply(settings.theme().get());
        settings.theme().addListener((obs, old, choice) -> theme.apply(choice));

        Supplier<OkHttpClient> http = httpClient::join;
        TokenCipher cipher = new TokenCipher(options.configDir());
        host = new EmbeddedGatewayHost();
        host.setCustomPrices(settings.customPrices().stream().map(CustomPrice::toModelPrice).toList());
        RetentionLimits retention = RetentionLimits.of(settings);
        host.setRetention(retention.maxAge(), retention.maxBytes());
        demo = new DemoMode(Path.of(settings.dataDir().get()).resolve("demo"), http);
        hub = new LiveHub();
        shutdown = new ShutdownSequence(List.of(hub, demo, host, settingsStore));
        shutdown.registerWithJvm();
        connection = new ConnectionViewModel(settings, host, () -> embeddedConfig(settings), demo, cipher, http, hub,
                tasks);

        ShellViewModel shell = new ShellViewModel();
        Clock clock = Clock.systemUTC();
        traces = new TracesViewModel(connection.client(), hub, tasks, clock);
        TraceDetailViewModel detail = new TraceDetailViewModel(connection.client(), tasks);
        UsageViewModel usage = new UsageViewModel(connection.client(), tasks, clock, ZoneId.systemDefault());
        SettingsViewModel settingsVm = new SettingsViewModel(settings, host, () -> {
            if (connection.embeddedMode().get()) {
                connection.startEmbedded();
            }
        }, tasks);
        ProfilesViewModel profiles = new ProfilesViewModel(settings.profiles(), new ConnectionChecker(http), cipher,
                connection, tasks);
        GovernanceConnection governance = new GovernanceConnection(connection, host, settings, cipher, http, tasks);
        Supplier<ObservableValue<PromptsClient>> promptLibrary = () -> new AdminApiConnection<PromptsClient>(
                connection, host, settings, cipher, http, tasks, AdminApiPromptsClient::new,
                "Demo mode has no saved prompts.", "Cannot read prompts: ").client();
        playground = new PlaygroundModule(connection, governance.client(), promptLibrary, http, settings,
                demo::mockUrl, tasks);
        detail.onOpenInPlayground(trace -> {
            playground.viewModel().openTrace(trace);
            shell.show(Page.PLAYGROUND);
        });

        ShellView root = new ShellView(shell, connection, Map.of(
                Page.TRACES, () -> new TracesView(traces, detail, connection.baseUrl(), connection::startDemo),
                Page.USAGE, () -> new UsageView(usage),
                Page.PLAYGROUND, () -> new PlaygroundView(playground.viewModel(), connection::startDemo),
                Page.ROUTING, () -> new RoutingView(new RoutingViewModel(governance.client(),
                        governance.unavailable(), tasks, clock, ZoneId.systemDefault())),
                Page.SETTINGS, () -> new SettingsView(settingsVm, new ProfilesView(profiles)),
                Page.PROMPTS, () -> PromptsModule.page(connection, host, settings, cipher, http, tasks)),
                new ConnectionStatusBar(connection, settings.profiles(), () -> shell.show(Page.SETTINGS)));
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        Scene scene = new Scene(root, Math.min(1360, screen.getWidth()), Math.min(860, screen.getHeight()));
        scene.getStylesheets().add(getClass().getResource(Styles.APP_STYLESHEET).toExternalForm());
        stage.setTitle("Switchboard");
        stage.getIcons().setAll(icons);
        stage.setScene(scene);
        stage.show();
        // Start the gateway once the window has been drawn: on two cores its start-up would slow the first frame.
        Runnable once = new Runnable() {
            @Override
            public void run() {
                scene.removePostLayoutPulseListener(this);
                Platform.runLater(connection::startup);
                httpClient.completeAsync(() -> new OkHttpClient.Builder().connectTimeout(Duration.ofSeconds(5))
                        .readTimeout(Duration.ofSeconds(30)).build());
            }
        };
        scene.addPostLayoutPulseListener(once);
    }

    private GatewayConfig embeddedConfig(AppSettings s) {
        int port = options.port() != null ? options.port() : s.gatewayPort().get();
        return GatewayConfig.defaults(Path.of(s.dataDir().get())).withHost(s.gatewayHost().get()).withPort(port)
                .withBodyCapture(new BodyCapture(s.captureBodies().get(), s.bodyMaxKb().get() * 1024));
    }

    /** The connection model, for tests that need to wait for the gateway. */
    public ConnectionViewModel connection() {
        return connection;
    }

    /** The trace list's model, for the benchmark's timings. */
    public TracesViewModel traces() {
        return traces;
    }

    /** The Playground's model, for the benchmark's streaming figures. */
    public PlaygroundViewModel playground() {
        return playground.viewModel();
    }

    /** Stops gateways and flushes settings; bounded, so a stuck close cannot keep the process alive. */
    @Override
    public void stop() {
        if (stage != null) {
            stage.hide();
        }
        if (shutdown != null) {
            shutdown.closeNow(ShutdownSequence.LIMIT);
        }
        if (background != null) {
            background.shutdownNow();
            try {
                background.awaitTermination(2, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
