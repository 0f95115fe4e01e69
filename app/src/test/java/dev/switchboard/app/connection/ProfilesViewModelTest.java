package dev.switchboard.app.connection;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.app.GatewayFixture;
import dev.switchboard.app.common.UiTasks;
import dev.switchboard.app.settings.AppSettings;
import dev.switchboard.app.settings.SettingsData;
import dev.switchboard.gateway.GatewayConfig;
import java.nio.file.Path;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProfilesViewModelTest {
    @TempDir
    Path dir;
    @TempDir
    Path gatewayDir;

    @Test
    void savesOnlyAGatewayThatAcceptsTheTokenAndNeverKeepsTheTokenInClear() {
        OkHttpClient http = new OkHttpClient();
        AppSettings settings = new AppSettings(SettingsData.defaults(dir));
        TokenCipher cipher = new TokenCipher(dir);
        ConnectionViewModel connection = new ConnectionViewModel(settings, new EmbeddedGatewayHost(),
                () -> GatewayConfig.defaults(dir), null, cipher, () -> http, new LiveHub(), UiTasks.sameThread());
        ProfilesViewModel vm = new ProfilesViewModel(settings.profiles(), new ConnectionChecker(() -> http), cipher,
                connection, UiTasks.sameThread());
        try (GatewayFixture remote = new GatewayFixture().withGateway(gatewayDir)) {
            vm.name().set("Team");
            vm.url().set(remote.gateway().baseUrl());
            vm.token().set("wrong");
            vm.testAndSave();

            assertThat(vm.message().get()).isEqualTo("The gateway refused the admin token (HTTP 401)");
            assertThat(settings.profiles()).isEmpty();
            assertThat(vm.token().get()).as("kept so the user can fix a typo").isEqualTo("wrong");

            vm.token().set(GatewayFixture.ADMIN_TOKEN);
            vm.testAndSave();

            assertThat(vm.message().get()).startsWith("Saved Team. Connected in");
            assertThat(vm.token().get()).isEmpty();
            assertThat(settings.profiles()).singleElement().satisfies(p -> {
                assertThat(p.sealedToken()).doesNotContain(GatewayFixture.ADMIN_TOKEN);
                assertThat(cipher.decrypt(p.sealedToken())).isEqualTo(GatewayFixture.ADMIN_TOKEN);
                assertThat(p.toString()).doesNotContain(GatewayFixture.ADMIN_TOKEN);
            });
            assertThat(settings.snapshot().toString()).doesNotContain(GatewayFixture.ADMIN_TOKEN);
        }
    }
}
