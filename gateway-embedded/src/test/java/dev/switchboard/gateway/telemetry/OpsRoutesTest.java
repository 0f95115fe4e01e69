package dev.switchboard.gateway.telemetry;

import static org.assertj.core.api.Assertions.assertThat;
import static dev.switchboard.gateway.TestGateway.metricValue;
import static org.awaitility.Awaitility.await;

import dev.switchboard.gateway.StoreKind;
import dev.switchboard.gateway.TestGateway;
import dev.switchboard.gateway.TestGateway.Reply;
import java.nio.file.Path;
import java.time.Duration;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

@ParameterizedClass
@EnumSource(StoreKind.class)
class OpsRoutesTest {
    @Parameter
    StoreKind store;
    @StartStop
    private final MockWebServer upstream = new MockWebServer();
    @TempDir
    Path dataDir;
    private TestGateway gateway;

    @BeforeEach
    void start() {
        gateway = new TestGateway(dataDir, store);
        upstream.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                if (request.getBody().utf8().contains("fail")) {
                    return new MockResponse.Builder().code(500).body("{\"error\":{\"message\":\"boom\"}}").build();
                }
                return new MockResponse.Builder().addHeader("content-type", "application/json").body("""
                        {"id":"x","object":"chat.completion","created":1,"model":"gpt-4o-mini",
                         "choices":[{"index":0,"message":{"role":"assistant","content":"ok"},"finish_reason":"stop"}],
                         "usage":{"prompt_tokens":10,"completion_tokens":5,"total_tokens":15}}""").build();
            }
        });
    }

    @AfterEach
    void stop() {
        gateway.close();
    }

    private void send(String content) {
        gateway.call(gateway.post("/v1/chat/completions", """
                        {"model":"gpt-4o-mini","messages":[{"role":"user","content":"%s"}]}""".formatted(content))
                .header("x-portkey-provider", "openai")
                .header("x-portkey-custom-host", upstream.url("/v1").toString()));
    }

    @Test
    void isReadyOnceTheDatabaseAnswersAndIsMigrated() {
        Reply ready = gateway.call(gateway.get("/ready"));

        assertThat(ready.status()).as(ready.body()).isEqualTo(200);
        assertThat(ready.json().path("status").asText()).isEqualTo("ready");
        assertThat(gateway.call(gateway.get("/health")).status()).isEqualTo(200);
    }

    @Test
    void servesPrometheusMetricsCountedFromTraces() {
        send("hello");
        send("hello again");
        send("please fail");
        gateway.awaitTraces(3);

        Reply metrics = gateway.call(gateway.get("/metrics"));

        assertThat(metrics.status()).as("no admin token needed").isEqualTo(200);
        assertThat(metrics.headers().get("content-type")).startsWith("text/plain");
        String text = metrics.body();
        assertThat(metricValue(text, "switchboard_requests_total{endpoint=\"chat.completions\",model=\"gpt-4o-mini\","
                + "outcome=\"ok\",provider=\"openai\",status=\"200\"}")).isEqualTo(2);
        assertThat(metricValue(text, "switchboard_requests_total{endpoint=\"chat.completions\",model=\"gpt-4o-mini\","
                + "outcome=\"error\",provider=\"openai\",status=\"500\"}")).isEqualTo(1);
        assertThat(metricValue(text, "switchboard_tokens_total{endpoint=\"chat.completions\",model=\"gpt-4o-mini\","
                + "provider=\"openai\",type=\"input\"}")).isEqualTo(20);
        assertThat(metricValue(text, "switchboard_upstream_errors_total{model=\"gpt-4o-mini\",provider=\"openai\","
                + "status=\"500\"}")).isEqualTo(1);
        assertThat(metricValue(text, "switchboard_request_duration_seconds_count{endpoint=\"chat.completions\","
                + "model=\"gpt-4o-mini\",provider=\"openai\"}")).isEqualTo(3);
        assertThat(text).contains("switchboard_request_duration_seconds_bucket{", "le=\"0.25\"",
                "switchboard_cost_usd_total{");
        await().atMost(Duration.ofSeconds(5)).until(() -> metricValue(gateway.call(gateway.get("/metrics")).body(),
                "switchboard_traces_written_total") == 3);
        assertThat(metricValue(text, "switchboard_traces_dropped_total")).isZero();
        assertThat(metricValue(text, "switchboard_trace_queue_depth")).isZero();
    }
}
