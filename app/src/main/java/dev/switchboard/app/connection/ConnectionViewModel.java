package dev.switchboard.app.connection;

import dev.switchboard.app.common.UiTasks;
import dev.switchboard.app.common.UserMessages;
import dev.switchboard.app.connection.GatewayClient.LinkState;
import dev.switchboard.app.connection.GatewayClient.LiveListener;
import dev.switchboard.app.settings.AppSettings;
import dev.switchboard.gateway.GatewayConfig;
import dev.switchboard.gateway.trace.Trace;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import okhttp3.OkHttpClient;

/**
 * Which gateway the app looks at and how that connection is doing: the embedded gateway (default), a saved remote
 * profile, or demo mode. Every view reads {@link #client()} and reloads when it changes.
 */
public final class ConnectionViewModel {
    private final AppSettings settings;
    private final EmbeddedGatewayHost embedded;
    private final Supplier<GatewayConfig> embeddedConfig;
    private final DemoLauncher demo;
    private final TokenCipher cipher;
    private final Supplier<OkHttpClient> http;
    private final LiveHub hub;
    private final UiTasks tasks;

    private final ObjectProperty<GatewayClient> client = new SimpleObjectProperty<>();
    private final ObjectProperty<ConnectionMode> mode = new SimpleObjectProperty<>(ConnectionMode.EMBEDDED);
    private final ObjectProperty<ConnectionStatus> status = new SimpleObjectProperty<>(ConnectionStatus.STARTING);
    private final StringProperty description = new SimpleStringProperty("Starting the embedded gateway…");
    private final StringProperty problem = new SimpleStringProperty();
    private final StringProperty baseUrl = new SimpleStringProperty();
    private ConnectionMode modeBeforeDemo = ConnectionMode.EMBEDDED;
    /** Counts connection attempts, so a slow attempt that finishes after a newer one is discarded. */
    private long attempt;

    public ConnectionViewModel(AppSettings settings, EmbeddedGatewayHost embedded,
                               Supplier<GatewayConfig> embeddedConfig, DemoLauncher demo, TokenCipher cipher,
                               Supplier<OkHttpClient> http, LiveHub hub, UiTasks tasks) {
        this.settings = settings;
        this.embedded = embedded;
        this.embeddedConfig = embeddedConfig;
        this.demo = demo;
        this.cipher = cipher;
        this.http = http;
        this.hub = hub;
        this.tasks = tasks;
        hub.addListener(new LiveListener() {
            @Override
            public void onTrace(Trace trace) {
            }

            @Override
            public void onLinkState(LinkState state, String detail) {
                tasks.ui().execute(() -> linkChanged(state, detail));
            }
        });
    }

    /** Connects as last time: the saved active remote profile, else the embedded gateway. */
    public void startup() {
        Optional<ConnectionProfile> active = settings.profiles().stream()
                .filter(p -> p.id().equals(settings.activeProfileId().get())).findFirst();
        active.ifPresentOrElse(this::connectRemote, this::startEmbedded);
    }

    public void startEmbedded() {
        settings.activeProfileId().set(null);
        GatewayConfig config = embeddedConfig.get();
        long current = begin(ConnectionMode.EMBEDDED,
                "Starting the embedded gateway on " + config.host() + ":" + config.port() + "…");
        tasks.supply(() -> {
            demo.stop();
            return embedded.start(config);
        }).onSuccess(c -> connected(current, c, ConnectionMode.EMBEDDED))
                .onError(e -> failed(current, "Cannot start the embedded gateway: " + UserMessages.of(e)
                        + ". Change the port or data directory in Settings."))
                .start();
    }

    public void stopEmbedded() {
        if (mode.get() != ConnectionMode.EMBEDDED) {
            return;
        }
        long current = begin(ConnectionMode.EMBEDDED, "Stopping the embedded gateway…");
        tasks.run(embedded::stop).onSuccess(ignored -> {
            if (current == attempt) {
                status.set(ConnectionStatus.STOPPED);
                description.set("Embedded gateway stopped");
            }
        }).onError(e -> failed(current, UserMessages.of(e))).start();
    }

    public void connectRemote(ConnectionProfile profile) {
        settings.activeProfileId().set(profile.id());
        long current = begin(ConnectionMode.REMOTE, "Connecting to " + profile.url() + "…");
        tasks.supply(() -> {
            RemoteGatewayClient remote = new RemoteGatewayClient(profile.url(), cipher.decrypt(profile.sealedToken()),
                    http.get());
            GatewayClient.Health health = remote.health();
            if (!health.up()) {
                remote.close();
                throw new GatewayClientException(health.detail());
            }
            demo.stop();
            embedded.stop();
            return remote;
        }).onSuccess(c -> connected(current, c, ConnectionMode.REMOTE))
                .onError(e -> failed(current, "Cannot connect to " + profile.name() + ": " + UserMessages.of(e)))
                .start();
    }

    public void startDemo() {
        modeBeforeDemo = mode.get() == ConnectionMode.DEMO ? modeBeforeDemo : mode.get();
        long current = begin(ConnectionMode.DEMO, "Starting demo mode…");
        tasks.supply(demo::start).onSuccess(c -> connected(current, c, ConnectionMode.DEMO))
                .onError(e -> failed(current, "Cannot start demo mode: " + UserMessages.of(e))).start();
    }

    /** Leaves demo mode for the connection used before it. */
    public void stopDemo() {
        if (modeBeforeDemo == ConnectionMode.REMOTE) {
            startup();
        } else {
            startEmbedded();
        }
    }

    /** Called every few seconds by the status bar: a remote gateway that stops answering shows a banner. */
    public void checkHealth() {
        GatewayClient current = client.get();
        if (current == null || status.get() == ConnectionStatus.STARTING) {
            return;
        }
        tasks.supply(current::health).onSuccess(health -> {
            if (current != client.get()) {
                return;
            }
            if (health.up() && status.get() == ConnectionStatus.DOWN) {
                status.set(ConnectionStatus.CONNECTED);
                problem.set(null);
            } else if (!health.up()) {
                status.set(ConnectionStatus.DOWN);
                problem.set("Lost the connection to " + current.baseUrl() + " (" + health.detail()
                        + "). Retrying…");
            }
        }).start();
    }

    /** The embedded gateway's admin token, for the copy button; remote tokens are never handed out again. */
    public Optional<String> embeddedAdminToken() {
        return mode.get() == ConnectionMode.EMBEDDED ? embedded.adminToken() : Optional.empty();
    }

    private long begin(ConnectionMode newMode, String text) {
        hub.switchTo(null, client.get());
        client.set(null);
        baseUrl.set(null);
        mode.set(newMode);
        status.set(ConnectionStatus.STARTING);
        description.set(text);
        problem.set(null);
        return ++attempt;
    }

    private void connected(long which, GatewayClient newClient, ConnectionMode newMode) {
        if (which != attempt) {
            tasks.run(newClient::close).start();
            return;
        }
        mode.set(newMode);
        status.set(ConnectionStatus.CONNECTED);
        description.set(newClient.description());
        baseUrl.set(newClient.baseUrl());
        problem.set(null);
        client.set(newClient);
        hub.switchTo(newClient, null);
    }

    private void failed(long which, String message) {
        if (which != attempt) {
            return;
        }
        status.set(ConnectionStatus.DOWN);
        description.set(message);
        problem.set(message);
    }

    private void linkChanged(LinkState state, String detail) {
        if (client.get() == null) {
            return;
        }
        if (state == LinkState.RECONNECTING) {
            status.set(ConnectionStatus.RECONNECTING);
            problem.set("Lost the live connection to " + client.get().baseUrl() + " (" + detail + "). Reconnecting…");
        } else if (status.get() != ConnectionStatus.CONNECTED) {
            status.set(ConnectionStatus.CONNECTED);
            problem.set(null);
        }
    }

    public ReadOnlyObjectProperty<GatewayClient> client() {
        return client;
    }

    public ReadOnlyObjectProperty<ConnectionMode> mode() {
        return mode;
    }

    public ReadOnlyObjectProperty<ConnectionStatus> status() {
        return status;
    }

    public ReadOnlyStringProperty description() {
        return description;
    }

    /** A readable problem for the banner, or null when all is well. */
    public ReadOnlyStringProperty problem() {
        return problem;
    }

    public ReadOnlyStringProperty baseUrl() {
        return baseUrl;
    }

    public BooleanBinding embeddedMode() {
        return Bindings.equal(mode, ConnectionMode.EMBEDDED);
    }
}
