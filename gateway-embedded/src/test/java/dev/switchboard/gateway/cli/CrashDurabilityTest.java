package dev.switchboard.gateway.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a user has been told is saved stays saved when the gateway process dies without warning (kill -9, a crash,
 * the machine's OOM killer): the headless gateway runs in a child JVM that is killed right after answering.
 */
class CrashDurabilityTest {
    private static final String TOKEN = "crash-test-admin-token";
    private static final Pattern LISTENING = Pattern.compile("listening on (http://\\S+)");

    @TempDir
    Path dataDir;
    private final HttpClient http = HttpClient.newHttpClient();
    private Process gateway;

    @AfterEach
    void killGateway() {
        if (gateway != null) {
            gateway.destroyForcibly();
        }
    }

    @Test
    void aSavedPromptAndARecordedTraceSurviveKillNine() throws Exception {
        String base = startGateway();
        HttpResponse<String> created = send(base, "POST", "/admin/prompts",
                "{\"name\":\"survivor\",\"messages\":[{\"role\":\"user\",\"content\":\"Hi {{name}}\"}]}");
        assertThat(created.statusCode()).isEqualTo(201);
        HttpResponse<String> proxied = http.send(HttpRequest.newBuilder(URI.create(base + "/v1/chat/completions"))
                .header("Authorization", "Bearer sk-test").header("x-portkey-provider", "openai")
                .header("x-portkey-custom-host", "http://127.0.0.1:9/v1").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"model\":\"gpt-4o-mini\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(proxied.statusCode()).isEqualTo(502);
        Awaitility.await().atMost(30, TimeUnit.SECONDS)
                .until(() -> send(base, "GET", "/admin/traces/count", null).body().contains("\"count\":1"));

        gateway.destroyForcibly().waitFor(30, TimeUnit.SECONDS);

        String restarted = startGateway();
        assertThat(send(restarted, "GET", "/admin/prompts/survivor", null).statusCode()).isEqualTo(200);
        assertThat(send(restarted, "GET", "/admin/traces/count", null).body()).contains("\"count\":1");
    }

    private String startGateway() throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        gateway = new ProcessBuilder(List.of(java, "-cp", System.getProperty("java.class.path"),
                GatewayMain.class.getName(), "--port", "0", "--data-dir", dataDir.toString(),
                "--admin-token", TOKEN)).redirectErrorStream(true).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(gateway.getInputStream(),
                StandardCharsets.UTF_8));
        for (String line = out.readLine(); line != null; line = out.readLine()) {
            Matcher listening = LISTENING.matcher(line);
            if (listening.find()) {
                Thread.ofVirtual().start(() -> out.lines().forEach(ignored -> { }));
                return listening.group(1);
            }
        }
        throw new IllegalStateException("the gateway exited before listening");
    }

    private HttpResponse<String> send(String base, String method, String path, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Authorization", "Bearer " + TOKEN).header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
