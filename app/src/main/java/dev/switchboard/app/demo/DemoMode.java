package dev.switchboard.app.demo;

import dev.switchboard.app.connection.DemoLauncher;
import dev.switchboard.app.connection.EmbeddedGatewayClient;
import dev.switchboard.app.connection.GatewayClient;
import dev.switchboard.gateway.Gateway;
import dev.switchboard.gateway.GatewayConfig;
import dev.switchboard.gateway.mock.MockOptions;
import dev.switchboard.gateway.mock.MockProvider;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Demo mode: a mock provider, a gateway of its own (own data directory, free port), a week of made-up history
 * and a live stream of requests through it. The user's own gateway and traces are untouched; leaving demo mode stops all three.
 */
public final class DemoMode implements DemoLauncher {
    static final int START_BURST = 24;
    static final Duration EVERY = Duration.ofMillis(1000);
    static final int HISTORY_PER_HOUR = 150;
    private static final Logger LOG = LoggerFactory.getLogger(DemoMode.class);

    private final Path dataDir;
    private final Supplier<OkHttpClient> http;
    private final int historyPerHour;
    private MockProvider mock;
    private Gateway gateway;
    private DemoTraffic traffic;
    /** Read by the Playground on the FX thread: never waits for start() or stop(). */
    private volatile String mockUrl;

    /** @param dataDir where demo traces are stored, apart from the user's */
    public DemoMode(Path dataDir, Supplier<OkHttpClient> http) {
        this(dataDir, http, HISTORY_PER_HOUR);
    }

    DemoMode(Path dataDir, Supplier<OkHttpClient> http, int historyPerHour) {
        this.dataDir = dataDir;
        this.http = http;
        this.historyPerHour = historyPerHour;
    }

    @Override
    public synchronized GatewayClient start() {
        stop();
        mock = MockProvider.start(MockOptions.demo());
        mockUrl = mock.baseUrl();
        gateway = Gateway.start(GatewayConfig.defaults(dataDir).withPort(0));
        try {
            DemoHistory.seedIfEmpty(gateway.traceStore(), gateway.prices(), Instant.now(), historyPerHour);
        } catch (SQLException e) {
            // The live demo works without history; the charts just start empty.
            LOG.warn("Cannot write the demo history: {}", e.getMessage());
        }
        traffic = new DemoTraffic(gateway.baseUrl(), mock.baseUrl(), http.get()).start(START_BURST, EVERY);
        return new EmbeddedGatewayClient(gateway, "Demo gateway on " + gateway.baseUrl() + " (mock provider)");
    }

    /** The running demo's mock provider, for playground targets that need no key. */
    public Optional<String> mockUrl() {
        return Optional.ofNullable(mockUrl);
    }

    @Override
    public synchronized void stop() {
        mockUrl = null;
        if (traffic != null) {
            traffic.close();
            traffic = null;
        }
        if (gateway != null) {
            gateway.close();
            gateway = null;
        }
        if (mock != null) {
            mock.close();
            mock = null;
        }
    }
}
