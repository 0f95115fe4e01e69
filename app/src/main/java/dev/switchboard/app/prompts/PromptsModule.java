package dev.switchboard.app.prompts;

import dev.switchboard.app.common.UiTasks;
import dev.switchboard.app.connection.AdminApiConnection;
import dev.switchboard.app.connection.ConnectionViewModel;
import dev.switchboard.app.connection.EmbeddedGatewayHost;
import dev.switchboard.app.connection.TokenCipher;
import dev.switchboard.app.settings.AppSettings;
import java.time.ZoneId;
import java.util.function.Supplier;
import okhttp3.OkHttpClient;

/**
 * Wires the Prompts page: a {@link PromptsClient} that follows the app's connection, its model and its view. Built
 * when the page is first shown, so the prompt page costs nothing at start-up.
 */
public final class PromptsModule {
    static final String DEMO = "Demo mode runs a throwaway gateway with no prompt library of yours. Leave demo "
            + "mode to edit your own gateway's prompts.";

    private PromptsModule() {
    }

    public static PromptsView page(ConnectionViewModel connection, EmbeddedGatewayHost host, AppSettings settings,
                                   TokenCipher cipher, Supplier<OkHttpClient> http, UiTasks tasks) {
        AdminApiConnection<PromptsClient> prompts = new AdminApiConnection<>(connection, host, settings, cipher,
                http, tasks, AdminApiPromptsClient::new, DEMO, "Cannot open this gateway's prompts: ");
        String author = System.getProperty("user.name", "switchboard-app");
        return new PromptsView(new PromptsViewModel(prompts.client(), prompts.unavailable(), tasks, author),
                ZoneId.systemDefault());
    }
}
