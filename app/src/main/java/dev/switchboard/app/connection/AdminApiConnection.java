package dev.switchboard.app.connection;

import dev.switchboard.app.common.UiTasks;
import dev.switchboard.app.common.UserMessages;
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
 * Follows the app's connection and offers a client of the same gateway's admin API: the embedded gateway through
 * its loopback URL and admin token, a remote one through the saved profile's URL and (decrypted) token. Demo mode
 * has none: its gateway is a throwaway. The token is looked up off the FX thread, and a lookup that finishes after
 * the connection changed again is discarded. Each page that manages the gateway (routing and keys, prompts) makes
 * its own typed client from the same URL and token.
 *
 * @param <T> the page's client type
 */
public final class AdminApiConnection<T> {

    /** Makes the page's client; called off the FX thread. */
    @FunctionalInterface
    public interface ClientFactory<T> {
        T create(String baseUrl, String adminToken, OkHttpClient http);
    }

    private final ConnectionViewModel connection;
    private final EmbeddedGatewayHost host;
    private final AppSettings settings;
    private final TokenCipher cipher;
    private final Supplier<OkHttpClient> http;
    private final UiTasks tasks;
    private final ClientFactory<T> factory;
    private final String demoMessage;
    private final String failurePrefix;
    private final ObjectProperty<T> client = new SimpleObjectProperty<>();
    private final StringProperty unavailable = new SimpleStringProperty();
    private long attempt;

    /**
     * @param demoMessage   what the page says in demo mode
     * @param failurePrefix put before the reason the client could not be made, e.g. "Cannot manage prompts: "
     */
    public AdminApiConnection(ConnectionViewModel connection, EmbeddedGatewayHost host, AppSettings settings,
                              TokenCipher cipher, Supplier<OkHttpClient> http, UiTasks tasks,
                              ClientFactory<T> factory, String demoMessage, String failurePrefix) {
        this.connection = connection;
        this.host = host;
        this.settings = settings;
        this.cipher = cipher;
        this.http = http;
        this.tasks = tasks;
        this.factory = factory;
        this.demoMessage = demoMessage;
        this.failurePrefix = failurePrefix;
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
            unavailable.set(demoMessage);
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
                    ? host.adminToken().orElseThrow(() -> new IllegalStateException("The embedded gateway stopped"))
                    : cipher.decrypt(sealed);
            return factory.create(baseUrl, token, http.get());
        }).onSuccess(made -> {
            if (current == attempt) {
                unavailable.set(null);
                client.set(made);
            }
        }).onError(e -> {
            if (current == attempt) {
                unavailable.set(failurePrefix + UserMessages.of(e));
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

    public ReadOnlyObjectProperty<T> client() {
        return client;
    }

    public ReadOnlyStringProperty unavailable() {
        return unavailable;
    }
}
