package dev.switchboard.gateway;

import static dev.switchboard.gateway.TestGateway.metricValue;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.switchboard.gateway.TestGateway.Reply;
import dev.switchboard.gateway.store.DatabaseSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The PostgreSQL server stops serving the gateway's database while requests flow: the server refuses new
 * connections to it and ends the open ones, as a failover or a restart does.
 */
class DatabaseOutageTest {
    @StartStop
    private final MockWebServer upstream = new MockWebServer();
    @TempDir
    Path dataDir;
    private String database;
    private TestGateway gateway;

    @BeforeEach
    void start() {
        upstream.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return new MockResponse.Builder().addHeader("content-type", "application/json").body("""
                        {"id":"x","object":"chat.completion","created":1,"model":"gpt-4o-mini",
                         "choices":[{"index":0,"message":{"role":"assistant","content":"ok"},"finish_reason":"stop"}],
                         "usage":{"prompt_tokens":10,"completion_tokens":5,"total_tokens":15}}""").build();
            }
        });
        DatabaseSettings settings = TestDatabases.freshPostgres();
        database = settings.url().substring(settings.url().lastIndexOf('/') + 1);
        gateway = new TestGateway(TestGateway.config(dataDir).withDatabase(settings));
    }

    @AfterEach
    void stop() {
        restore();
        gateway.close();
    }

    private Reply send(int n) {
        // Every other request asks for the cache, which lives in the database too.
        String config = n % 2 == 0 ? "{\"provider\":\"openai\",\"custom_host\":\"" + upstream.url("/v1")
                + "\",\"cache\":{\"mode\":\"simple\"}}"
                : "{\"provider\":\"openai\",\"custom_host\":\"" + upstream.url("/v1") + "\"}";
        return gateway.call(gateway.post("/v1/chat/completions", """
                        {"model":"gpt-4o-mini","messages":[{"role":"user","content":"request %d"}]}""".formatted(n))
                .header("x-portkey-config", config));
    }

    /**
     * Ten requests, all answered, their median time in ms. The median leaves out the one cache lookup that may wait
     * for the pool's 2 s connection timeout before the cache stops asking the database.
     */
    private long sendTen(int from) {
        List<Long> millis = new ArrayList<>();
        for (int i = from; i < from + 10; i++) {
            long start = System.nanoTime();
            assertThat(send(i).status()).isEqualTo(200);
            millis.add((System.nanoTime() - start) / 1_000_000);
        }
        return millis.stream().sorted().toList().get(5);
    }

    private void cutOff() {
        TestDatabases.execute("ALTER DATABASE " + database + " WITH ALLOW_CONNECTIONS false");
        TestDatabases.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '"
                + database + "'");
    }

    private void restore() {
        TestDatabases.execute("ALTER DATABASE " + database + " WITH ALLOW_CONNECTIONS true");
    }

    @Test
    void requestsKeepFlowingAndBufferedTracesAreStoredWhenTheDatabaseReturns() {
        long baseline = sendTen(-5);
        gateway.awaitTraces(10);

        cutOff();
        // Compared with the same requests before the outage, so that a busy machine does not decide the test.
        assertThat(sendTen(5)).as("median ms, against %s ms before", baseline).isLessThan(baseline * 3 + 100);
        await().atMost(Duration.ofSeconds(15)).until(() -> gateway.gateway().traceWriter().storeFailing());
        // Past every cache of database state (gateway settings are re-read every 5 s): still no database needed.
        await().pollDelay(Duration.ofSeconds(6)).atMost(Duration.ofSeconds(7)).until(() -> true);
        assertThat(sendTen(15)).as("median ms, against %s ms before", baseline).isLessThan(baseline * 3 + 100);
        Reply ready = gateway.call(gateway.get("/ready"));
        assertThat(ready.status()).isEqualTo(503);
        assertThat(ready.json().path("reason").asText()).contains("database");
        // Metrics count recorded traces, which the trace writer records moments after the answers.
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            String metrics = gateway.call(gateway.get("/metrics")).body();
            assertThat(metricValue(metrics, "switchboard_requests_total{endpoint=\"chat.completions\","
                    + "model=\"gpt-4o-mini\",outcome=\"ok\",provider=\"openai\",status=\"200\"}"))
                    .as("metrics count during the outage").isEqualTo(30);
            assertThat(metricValue(metrics, "switchboard_trace_store_failing")).isEqualTo(1);
            assertThat(metricValue(metrics, "switchboard_trace_queue_depth")).isEqualTo(20);
        });

        restore();

        assertThat(gateway.awaitTraces(30)).hasSize(30);
        assertThat(gateway.gateway().traceWriter().dropped()).isZero();
        await().atMost(Duration.ofSeconds(10)).until(() -> gateway.call(gateway.get("/ready")).status() == 200);
        assertThat(gateway.metric("switchboard_trace_store_failing")).isZero();
    }
}
