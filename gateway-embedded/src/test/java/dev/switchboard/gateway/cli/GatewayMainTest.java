package dev.switchboard.gateway.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.gateway.GatewayConfig;
import dev.switchboard.gateway.TestDatabases;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class GatewayMainTest {
    @TempDir
    Path dir;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(Map<String, String> env, String... args) {
        GatewayMain main = new GatewayMain(env, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new CommandLine(main).execute(args);
    }

    private static GatewayConfig config(Map<String, String> env, String... args) {
        GatewayMain main = new GatewayMain(env, System.out, System.err);
        new CommandLine(main).parseArgs(args);
        return main.config();
    }

    @Test
    void takesTheDatabaseFromTheCommandLineAndItsCredentialsFromTheEnvironmentOrAFile() throws IOException {
        GatewayConfig fromEnv = config(Map.of("SWITCHBOARD_DB_USER", "gw", "SWITCHBOARD_DB_PASSWORD", "s3cret"),
                "--db", "jdbc:postgresql://db.internal/switchboard", "--data-dir", dir.toString());
        assertThat(fromEnv.database().url()).isEqualTo("jdbc:postgresql://db.internal/switchboard");
        assertThat(fromEnv.database().user()).isEqualTo("gw");
        assertThat(fromEnv.database().password()).isEqualTo("s3cret");
        assertThat(fromEnv.database().toString()).doesNotContain("s3cret");

        Path secret = Files.writeString(dir.resolve("db-password"), "from-file\n");
        GatewayConfig fromFile = config(Map.of("SWITCHBOARD_DB_URL", "jdbc:postgresql://db/sb",
                "SWITCHBOARD_DB_PASSWORD", "ignored", "SWITCHBOARD_ADMIN_TOKEN", "team-token"),
                "--db-password-file", secret.toString());
        assertThat(fromFile.database().url()).isEqualTo("jdbc:postgresql://db/sb");
        assertThat(fromFile.database().password()).isEqualTo("from-file");
        assertThat(fromFile.adminToken()).isEqualTo("team-token");

        assertThat(config(Map.of(), "--data-dir", dir.toString()).database()).as("H2 by default").isNull();
    }

    @Test
    void readsTheOpenTelemetryEndpointFromTheOptionOrTheStandardVariables() {
        Map<String, String> env = Map.of("OTEL_EXPORTER_OTLP_ENDPOINT", "http://collector:4318",
                "OTEL_EXPORTER_OTLP_HEADERS", "api-key=abc%3D,x-team=core", "OTEL_SERVICE_NAME", "gw-eu");

        GatewayConfig fromEnv = config(env);
        assertThat(fromEnv.otlp().tracesEndpoint()).isEqualTo("http://collector:4318/v1/traces");
        assertThat(fromEnv.otlp().headers()).containsEntry("api-key", "abc=").containsEntry("x-team", "core");
        assertThat(fromEnv.otlp().serviceName()).isEqualTo("gw-eu");
        assertThat(fromEnv.otlp().captureContent()).isFalse();

        GatewayConfig fromOption = config(env, "--otlp-endpoint", "http://other:4318/", "--otlp-capture-content");
        assertThat(fromOption.otlp().tracesEndpoint()).isEqualTo("http://other:4318/v1/traces");
        assertThat(fromOption.otlp().captureContent()).isTrue();
        assertThat(config(Map.of("OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", "http://c:4318/custom")).otlp()
                .tracesEndpoint()).isEqualTo("http://c:4318/custom");
        assertThat(config(Map.of()).otlp()).as("no export unless asked").isNull();
    }

    @Test
    void refusesAPasswordInTheUrl() {
        int exit = run(Map.of(), "--db", "jdbc:postgresql://db/sb?user=a&password=leaked", "--data-dir",
                dir.toString());

        assertThat(exit).isEqualTo(GatewayMain.EXIT_USAGE);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("SWITCHBOARD_DB_PASSWORD").doesNotContain("leaked");
    }

    @Test
    void exitsWithAOneLineReasonWhenTheDatabaseIsUnreachable() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }

        int exit = run(Map.of("SWITCHBOARD_DB_USER", "gw", "SWITCHBOARD_DB_PASSWORD", "pw"), "--db",
                "jdbc:postgresql://127.0.0.1:" + closedPort + "/switchboard", "--data-dir", dir.toString(),
                "--port", "0");

        assertThat(exit).isEqualTo(GatewayMain.EXIT_DATABASE);
        String message = err.toString(StandardCharsets.UTF_8);
        assertThat(message.lines()).hasSize(1);
        assertThat(message).startsWith("switchboard-gateway: Cannot open the database jdbc:postgresql://127.0.0.1:")
                .contains("refused").doesNotContain("pw");
    }

    @Test
    void exitsWithAOneLineReasonWhenTheDatabaseRefusesTheLogin() {
        String url = TestDatabases.freshPostgres().url();

        int exit = run(Map.of("SWITCHBOARD_DB_USER", "nobody_here"), "--db", url, "--data-dir", dir.toString(),
                "--port", "0");

        assertThat(exit).isEqualTo(GatewayMain.EXIT_DATABASE);
        String message = err.toString(StandardCharsets.UTF_8);
        assertThat(message.lines()).hasSize(1);
        assertThat(message).contains("Cannot open the database").contains("nobody_here");
    }
}
