package dev.switchboard.app.routing;

import dev.switchboard.app.common.UiTasks;
import dev.switchboard.app.connection.AdminApiConnection;
import dev.switchboard.app.connection.ConnectionViewModel;
import dev.switchboard.app.connection.EmbeddedGatewayHost;
import dev.switchboard.app.connection.TokenCipher;
import dev.switchboard.app.settings.AppSettings;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import okhttp3.OkHttpClient;

/**
 * Offers a {@link GovernanceClient} for the gateway the app is connected to, embedded or remote, following every
 * change of connection (see {@link AdminApiConnection}). Demo mode has none: its gateway is a throwaway.
 */
public final class GovernanceConnection {
    static final String DEMO = "Demo mode runs a throwaway gateway, so there are no keys or configs to manage. "
            + "Leave demo mode to manage your own gateway's routing and keys.";

    private final AdminApiConnection<GovernanceClient> admin;

    public GovernanceConnection(ConnectionViewModel connection, EmbeddedGatewayHost host, AppSettings settings,
                                TokenCipher cipher, Supplier<OkHttpClient> http, UiTasks tasks) {
        admin = new AdminApiConnection<>(connection, host, settings, cipher, http, tasks,
                AdminApiGovernanceClient::new, DEMO, "Cannot manage this gateway's routing and keys: ");
    }

    public ReadOnlyObjectProperty<GovernanceClient> client() {
        return admin.client();
    }

    public ReadOnlyStringProperty unavailable() {
        return admin.unavailable();
    }
}
