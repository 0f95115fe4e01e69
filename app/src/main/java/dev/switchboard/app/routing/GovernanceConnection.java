package dev.switchboard.app.routing;

import dev.switchboard.app.common.UiTasks;
import dev.switchboard.app.common.UserMessages;
import dev.switchboard.app.connection.ConnectionMode;
import dev.switchboard.app.connection.ConnectionProfile;
import dev.switchboard.app.connection.ConnectionViewModel;
import dev.switchboard.app.connection.EmbeddedGatewayHost;
import dev.switchboard.app.connection.GatewayClient;
import dev.switchboard.app.connection.TokenCipher;
import dev.switchboard.app.settings.AppSettings;
import java.util.function.Supplier;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import okhttp3.OkHttpClient;

/**
 * Follows the app's connection and offers a {@link GovernanceClient} for the same gateway: the embedded one
 * through its loopback URL and admin token, a remote one through the saved profile's URL and (decrypted) token.
 * Demo mode has none: its gateway is a throwaway. The token is looked up off the FX thread, and a lookup that
 * finishes after the connection changed again is discarded.
 */
public final class GovernanceConnection {
    static final String DEMO = "Demo mode runs a throwaway gateway, so there are no keys or configs to manage. "
            + "Leave demo mode to manage your own gateway's routing and keys.";

    private final ConnectionViewModel connection;
    private final EmbeddedGatewayHost host;
    private final AppSettings settings;
    private final TokenCipher cipher;
    private final Supplier<OkHttpClient> http;
    private final UiTasks tasks;
    private final ObjectProperty<GovernanceClient> client = new SimpleObjectProperty<>();
    private final StringProperty unavailable = new SimpleStringProperty();
    private long attempt;

    public GovernanceConnection(ConnectionViewModel connection, EmbeddedGatewayHost host, AppSettings settings,
                                TokenCipher cipher, Supplier<OkHttpClient> http, UiTasks tasks) {
        this.connection = connection;
        this.host = host;
        this.settings = settings;
        this.cipher = cipher;
        this.http = http;
        this.tasks = tasks;
        connection.client().addListener((obs, old, now) -> follow(now));
        follow(connection.client().get());
    }

    private void follow(GatewayClient gateway) {
        long current = ++attempt;
        client.set(null);
        unavailable.unbind();
        if (gateway == null) {
            // "Starting…", "Embedded gateway stopped", "Cannot connect to …": the connection says it best.
            unavailable.bind(connection.description());
            return;
        }
        ConnectionMode mode = connection.mode().get();
        if (mode == ConnectionMode.DEMO) {
            unavailable.set(DEMO);
            return;
        }
        String baseUrl = mode == ConnectionMode.EMBEDDED ? loopback(connection.baseUrl().get())
                : connection.baseUrl().get();
        String sealed = mode == ConnectionMode.REMOTE ? settings.profiles().stream()
                .filter(p -> p.id().equals(settings.activeProfileId().get())).findFirst()
                .map(ConnectionProfile::sealedToken).orElse(null) : null;
        unavailable.set("Connecting to " + baseUrl + "…");
        tasks.supply(() -> {
            String token = mode == ConnectionMode.EMBEDDED
                    ? host.adminToken().orElseThrow(() -> new GovernanceException(0, "The embedded gateway stopped"))
                    : cipher.decrypt(sealed);
            return (GovernanceClient) new AdminApiGovernanceClient(baseUrl, token, http.get());
        }).onSuccess(governance -> {
            if (current == attempt) {
                unavailable.set(null);
                client.set(governance);
            }
        }).onError(e -> {
            if (current == attempt) {
                unavailable.set("Cannot manage this gateway's routing and keys: " + UserMessages.of(e));
            }
        }).start();
    }

    /** A gateway listening on every interface is reached on loopback from this machine. */
    static String loopback(String baseUrl) {
        if (baseUrl == null) {
            return null;
        }
        return baseUrl.replace("://0.0.0.0:", "://127.0.0.1:").replace("://[::]:", "://127.0.0.1:");
    }

    public ReadOnlyObjectProperty<GovernanceClient> client() {
        return client;
    }

    public ReadOnlyStringProperty unavailable() {
        return unavailable;
    }
}
