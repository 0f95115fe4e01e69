package dev.switchboard.gateway;

import dev.switchboard.gateway.store.DatabaseSettings;
import dev.switchboard.gateway.telemetry.OtlpSettings;
import dev.switchboard.gateway.trace.TraceAssembler.BodyCapture;
import java.nio.file.Path;

/**
 * How to run one gateway. Binds to loopback by default: exposing it is a deliberate choice.
 *
 * @param port            0 picks a free port (tests)
 * @param adminToken      null: reuse the token stored in the data directory, or create one there
 * @param maxRequestBytes larger request bodies are refused with 413
 * @param masterKeyFile   the key that encrypts stored secrets; null for {@code master.key} in the data directory
 * @param database        null: the H2 file in {@code dataDir}; else e.g. a PostgreSQL server shared by replicas
 * @param otlp            null: no OpenTelemetry export
 */
public record GatewayConfig(String host, int port, Path dataDir, String adminToken, BodyCapture bodyCapture,
                            long maxRequestBytes, Path masterKeyFile, DatabaseSettings database, OtlpSettings otlp) {
    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final int DEFAULT_PORT = 8787;
    public static final long DEFAULT_MAX_REQUEST_BYTES = 32L * 1024 * 1024;

    /** A gateway on the H2 file in {@code dataDir}, without OpenTelemetry export. */
    public GatewayConfig(String host, int port, Path dataDir, String adminToken, BodyCapture bodyCapture,
                         long maxRequestBytes, Path masterKeyFile) {
        this(host, port, dataDir, adminToken, bodyCapture, maxRequestBytes, masterKeyFile, null, null);
    }

    public static GatewayConfig defaults(Path dataDir) {
        return new GatewayConfig(DEFAULT_HOST, DEFAULT_PORT, dataDir, null, BodyCapture.DEFAULT,
                DEFAULT_MAX_REQUEST_BYTES, null);
    }

    /** The database actually used: the configured one, else the H2 file in the data directory. */
    public DatabaseSettings effectiveDatabase() {
        return database != null ? database : DatabaseSettings.h2(dataDir);
    }

    public GatewayConfig withPort(int newPort) {
        return new GatewayConfig(host, newPort, dataDir, adminToken, bodyCapture, maxRequestBytes, masterKeyFile,
                database, otlp);
    }

    public GatewayConfig withAdminToken(String token) {
        return new GatewayConfig(host, port, dataDir, token, bodyCapture, maxRequestBytes, masterKeyFile, database,
                otlp);
    }

    public GatewayConfig withHost(String newHost) {
        return new GatewayConfig(newHost, port, dataDir, adminToken, bodyCapture, maxRequestBytes, masterKeyFile,
                database, otlp);
    }

    public GatewayConfig withBodyCapture(BodyCapture capture) {
        return new GatewayConfig(host, port, dataDir, adminToken, capture, maxRequestBytes, masterKeyFile, database,
                otlp);
    }

    public GatewayConfig withMasterKeyFile(Path file) {
        return new GatewayConfig(host, port, dataDir, adminToken, bodyCapture, maxRequestBytes, file, database, otlp);
    }

    public GatewayConfig withDatabase(DatabaseSettings settings) {
        return new GatewayConfig(host, port, dataDir, adminToken, bodyCapture, maxRequestBytes, masterKeyFile,
                settings, otlp);
    }

    public GatewayConfig withOtlp(OtlpSettings settings) {
        return new GatewayConfig(host, port, dataDir, adminToken, bodyCapture, maxRequestBytes, masterKeyFile,
                database, settings);
    }
}
