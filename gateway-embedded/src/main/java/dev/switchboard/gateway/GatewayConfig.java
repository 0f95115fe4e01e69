package dev.switchboard.gateway;

import dev.switchboard.gateway.trace.TraceAssembler.BodyCapture;
import java.nio.file.Path;

/**
 * How to run one gateway. Binds to loopback by default: exposing it is a deliberate choice.
 *
 * @param port            0 picks a free port (tests)
 * @param adminToken      null: reuse the token stored in the data directory, or create one there
 * @param maxRequestBytes larger request bodies are refused with 413
 * @param masterKeyFile   the key that encrypts stored secrets; null for {@code master.key} in the data directory
 */
public record GatewayConfig(String host, int port, Path dataDir, String adminToken, BodyCapture bodyCapture,
                            long maxRequestBytes, Path masterKeyFile) {
    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final int DEFAULT_PORT = 8787;
    public static final long DEFAULT_MAX_REQUEST_BYTES = 32L * 1024 * 1024;

    public static GatewayConfig defaults(Path dataDir) {
        return new GatewayConfig(DEFAULT_HOST, DEFAULT_PORT, dataDir, null, BodyCapture.DEFAULT,
                DEFAULT_MAX_REQUEST_BYTES, null);
    }

    public GatewayConfig withPort(int newPort) {
        return new GatewayConfig(host, newPort, dataDir, adminToken, bodyCapture, maxRequestBytes, masterKeyFile);
    }

    public GatewayConfig withAdminToken(String token) {
        return new GatewayConfig(host, port, dataDir, token, bodyCapture, maxRequestBytes, masterKeyFile);
    }

    public GatewayConfig withHost(String newHost) {
        return new GatewayConfig(newHost, port, dataDir, adminToken, bodyCapture, maxRequestBytes, masterKeyFile);
    }

    public GatewayConfig withBodyCapture(BodyCapture capture) {
        return new GatewayConfig(host, port, dataDir, adminToken, capture, maxRequestBytes, masterKeyFile);
    }
}
