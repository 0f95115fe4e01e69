package dev.switchboard.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.switchboard.gateway.Gateway;
import dev.switchboard.gateway.GatewayConfig;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real app in its own JVM (headless), stopped the way a session logout or {@code kill} stops it: SIGTERM. The
 * traces of the last calls, still queued for the database when the signal came, must be stored all the same.
 */
class ShutdownOnSigtermTest {
    private static final int CALLS = 40;
    @TempDir
    Path configDir;
    @TempDir
    Path dataDir;
    private final GatewayFixture upstream = new GatewayFixture();
    private Process app;

    @AfterEach
    void cleanUp() {
        if (app != null) {
            app.destroyForcibly();
        }
        upstream.close();
    }

    @Test
    void sigtermWritesTheQueuedTracesAndClosesTheDatabase() throws Exception {
        int port = freePort();
        Path log = configDir.resolve("app.log");
        app = new ProcessBuilder(List.of(ProcessHandle.current().info().command().orElseThrow(),
                "-cp", System.getProperty("java.class.path"),
                "-Dglass.platform=Monocle", "-Dmonocle.platform=Headless", "-Dprism.order=sw",
                "-Djava.awt.headless=true", "-Dswitchboard.configDir=" + configDir,
                "-Dswitchboard.dataDir=" + dataDir, "-Dswitchboard.port=" + port,
                SwitchboardLauncher.class.getName()))
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        String baseUrl = "http://127.0.0.1:" + port;
        await().atMost(Duration.ofSeconds(90)).ignoreExceptions().until(() -> healthy(baseUrl));

        IntStream.range(0, CALLS).parallel()
                .forEach(i -> assertThat(upstream.send(baseUrl, "gpt-4o-mini", "call " + i, null)).isEqualTo(200));
        app.destroy();

        assertThat(app.waitFor(60, TimeUnit.SECONDS)).as("the app exits after SIGTERM").isTrue();
        // The gateway's own report of a clean stop: its trace queue drained, then its database closed.
        assertThat(Files.readString(log)).contains("Gateway stopped; " + CALLS + " traces written, 0 dropped");
        try (Gateway reopened = Gateway.start(GatewayConfig.defaults(dataDir).withPort(0))) {
            assertThat(reopened.traceStore().count()).isEqualTo(CALLS);
        }
    }

    private static boolean healthy(String baseUrl) throws IOException, InterruptedException {
        try (HttpClient http = HttpClient.newHttpClient()) {
            return http.send(HttpRequest.newBuilder(URI.create(baseUrl + "/health")).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
