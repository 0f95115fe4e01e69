package dev.switchboard.app.connection;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.app.FakeGatewayClient;
import dev.switchboard.app.common.UiTasks;
import dev.switchboard.app.settings.AppSettings;
import dev.switchboard.app.settings.SettingsData;
import dev.switchboard.gateway.GatewayConfig;
import dev.switchboard.gateway.GatewayException;
import java.nio.file.Path;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConnectionViewModelTest {
    @TempDir
    Path dir;
    private final FakeGatewayClient demoGateway = new FakeGatewayClient();
    private boolean demoRunning;
    private final LiveHub hub = new LiveHub();

    private ConnectionViewModel vm(EmbeddedGatewayHost host) {
        DemoLauncher demo = new DemoLauncher() {
            @Override
            public GatewayClient start() {
                demoRunning = true;
                return demoGateway;
            }

            @Override
            public void stop() {
                demoRunning = false;
            }
        };
        return new ConnectionViewModel(new AppSettings(SettingsData.defaults(dir)), host,
                () -> GatewayConfig.defaults(dir).withPort(8787), demo, new TokenCipher(dir), OkHttpClient::new,
                hub, UiTasks.sameThread());
    }

    @Test
    void aGatewayThatCannotStartSaysWhyAndWhatToDo() {
        ConnectionViewModel vm = vm(new EmbeddedGatewayHost(config -> {
            throw new GatewayException(500, "server_error", "cannot_listen", null,
                    "Cannot listen on 127.0.0.1:8787: Address already in use");
        }));

        vm.startup();

        assertThat(vm.status().get()).isEqualTo(ConnectionStatus.DOWN);
        assertThat(vm.client().get()).isNull();
        assertThat(vm.problem().get()).isEqualTo("Cannot start the embedded gateway: Cannot listen on "
                + "127.0.0.1:8787: Address already in use. Change the port or data directory in Settings.");
    }

    @Test
    void losingTheLiveLinkShowsABannerUntilItIsBack() {
        ConnectionViewModel vm = vm(new EmbeddedGatewayHost(config -> {
            throw new GatewayException(500, "x", null, null, "no embedded gateway in this test");
        }));
        vm.startDemo();
        assertThat(vm.mode().get()).isEqualTo(ConnectionMode.DEMO);
        assertThat(vm.client().get()).isSameAs(demoGateway);

        // What a remote stream reports when its connection drops, then when it is back.
        hub.onLinkState(GatewayClient.LinkState.RECONNECTING, "connection reset");
        assertThat(vm.status().get()).isEqualTo(ConnectionStatus.RECONNECTING);
        assertThat(vm.problem().get()).isEqualTo(
                "Lost the live connection to http://fake:1 (connection reset). Reconnecting…");

        hub.onLinkState(GatewayClient.LinkState.LIVE, "connected");
        assertThat(vm.status().get()).isEqualTo(ConnectionStatus.CONNECTED);
        assertThat(vm.problem().get()).isNull();
    }

    @Test
    void leavingDemoModeStopsItAndReturnsToTheEmbeddedGateway() {
        int[] starts = {0};
        ConnectionViewModel vm = vm(new EmbeddedGatewayHost(config -> {
            starts[0]++;
            throw new GatewayException(500, "x", null, null, "port taken");
        }));
        vm.startDemo();
        assertThat(demoRunning).isTrue();

        vm.stopDemo();

        assertThat(demoRunning).isFalse();
        assertThat(vm.mode().get()).isEqualTo(ConnectionMode.EMBEDDED);
        assertThat(starts[0]).isEqualTo(1);
    }
}
