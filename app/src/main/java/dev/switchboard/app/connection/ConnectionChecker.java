package dev.switchboard.app.connection;

import dev.switchboard.gateway.trace.TraceQuery;
import java.util.function.Supplier;
import okhttp3.OkHttpClient;

/** Checks a remote gateway before its profile is saved: reachable, healthy, and accepting the admin token. */
public final class ConnectionChecker {
    private final Supplier<OkHttpClient> http;

    public ConnectionChecker(Supplier<OkHttpClient> http) {
        this.http = http;
    }

    /**
     * @return a short description of what was found, e.g. the number of stored traces
     * @throws GatewayClientException with a readable reason when the gateway cannot be used
     */
    public String check(String url, String adminToken) {
        if (adminToken == null || adminToken.isBlank()) {
            throw new GatewayClientException("Enter the gateway's admin token");
        }
        try (RemoteGatewayClient client = new RemoteGatewayClient(url, adminToken.trim(), http.get())) {
            GatewayClient.Health health = client.health();
            if (!health.up()) {
                throw new GatewayClientException(health.detail());
            }
            long traces = client.count(TraceQuery.latest(1));
            return "Connected in " + health.latencyMs() + " ms; " + traces + " traces stored";
        }
    }
}
