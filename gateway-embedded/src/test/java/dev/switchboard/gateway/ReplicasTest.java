package dev.switchboard.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.gateway.TestGateway.Reply;
import dev.switchboard.gateway.store.DatabaseSettings;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import okhttp3.Call;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.RequestBody;
import okhttp3.Response;
import okio.BufferedSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two gateways on one PostgreSQL database, as a team runs them behind a load balancer. */
class ReplicasTest {
    @StartStop
    private final MockWebServer upstream = new MockWebServer();
    @TempDir
    Path dir;
    private TestGateway first;
    private TestGateway second;

    @BeforeEach
    void start() {
        upstream.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                int output = request.getBody().utf8().contains("expensive") ? 1000 : 5;
                return new MockResponse.Builder().addHeader("content-type", "application/json").body("""
                        {"id":"x","object":"chat.completion","created":1,"model":"gpt-4o-mini",
                         "choices":[{"index":0,"message":{"role":"assistant","content":"ok"},"finish_reason":"stop"}],
                         "usage":{"prompt_tokens":10,"completion_tokens":%d,"total_tokens":15}}""".formatted(output))
                        .build();
            }
        });
        DatabaseSettings shared = TestDatabases.freshPostgres();
        first = new TestGateway(TestGateway.config(dir.resolve("first")).withDatabase(shared));
        second = new TestGateway(TestGateway.config(dir.resolve("second")).withDatabase(shared));
    }

    @AfterEach
    void stop() {
        first.close();
        second.close();
    }

    private String send(TestGateway gateway, String content) {
        Reply reply = gateway.call(gateway.post("/v1/chat/completions", """
                        {"model":"gpt-4o-mini","messages":[{"role":"user","content":"%s"}]}""".formatted(content))
                .header("x-portkey-provider", "openai")
                .header("x-portkey-custom-host", upstream.url("/v1").toString()));
        assertThat(reply.status()).isEqualTo(200);
        return reply.headers().get("x-portkey-trace-id");
    }

    @Test
    void eachReplicaServesEveryReplicasTraces() {
        String fromFirst = send(first, "one");
        send(first, "two");
        String fromSecond = send(second, "three");

        for (TestGateway gateway : List.of(first, second)) {
            await().atMost(Duration.ofSeconds(10)).until(() ->
                    gateway.call(gateway.admin("/admin/traces/count")).json().path("count").asLong() == 3);
            assertThat(gateway.call(gateway.admin("/admin/traces/" + fromFirst)).status()).isEqualTo(200);
            assertThat(gateway.call(gateway.admin("/admin/traces/" + fromSecond)).json().path("requestBody").asText())
                    .contains("three");
            assertThat(gateway.call(gateway.admin("/admin/usage?groupBy=none")).json().path("groups").path(0)
                    .path("requests").asLong()).isEqualTo(3);
        }
    }

    @Test
    void aBudgetIsSharedAndEnforcedAcrossReplicas() {
        // gpt-4o-mini: 10 input and 1000 output tokens cost $0.0006015; the hold is the same (max_tokens 1000).
        Reply created = first.call(first.admin("/admin/api-keys").post(RequestBody.create("""
                {"name":"team-a","budget_day_usd":0.002}""", MediaType.get("application/json"))));
        assertThat(created.status()).isEqualTo(201);
        String key = created.json().path("key").asText();
        String id = created.json().path("id").asText();

        List<Integer> statuses = new java.util.ArrayList<>();
        for (int i = 0; i < 4; i++) {
            TestGateway gateway = i % 2 == 0 ? first : second;
            statuses.add(gateway.call(gateway.post("/v1/chat/completions", """
                            {"model":"gpt-4o-mini","max_tokens":1000,"messages":[{"role":"user","content":"expensive"}]}""")
                    .header("x-portkey-provider", "openai")
                    .header("x-portkey-custom-host", upstream.url("/v1").toString())
                    .header("x-switchboard-api-key", key)).status());
            // Each replica settles the real cost once its trace is stored; wait for it before the next call.
            int settled = Math.min(i + 1, 3);
            await().atMost(Duration.ofSeconds(10)).until(() -> {
                JsonNode day = second.call(second.admin("/admin/api-keys/" + id)).json().path("usage").path("day");
                return day.path("reserved_usd").decimalValue().signum() == 0
                        && day.path("tokens").asLong() == settled * 1010L;
            });
        }

        assertThat(statuses).as("three fit in $0.002, the fourth would pass it").containsExactly(200, 200, 200, 429);
        JsonNode day = first.call(first.admin("/admin/api-keys/" + id)).json().path("usage").path("day");
        assertThat(day.path("cost_usd").decimalValue()).isEqualByComparingTo("0.0018045");
    }

    @Test
    void anAnswerCachedByOneReplicaIsServedByTheOther() {
        String config = "{\"provider\":\"openai\",\"custom_host\":\"" + upstream.url("/v1")
                + "\",\"cache\":{\"mode\":\"simple\"}}";
        String body = "{\"model\":\"gpt-4o-mini\",\"messages\":[{\"role\":\"user\",\"content\":\"cache me\"}]}";

        Reply miss = first.call(first.post("/v1/chat/completions", body).header("x-portkey-config", config));
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            Reply hit = second.call(second.post("/v1/chat/completions", body).header("x-portkey-config", config));
            return "HIT".equals(hit.headers().get("x-portkey-cache-status"));
        });

        assertThat(miss.headers().get("x-portkey-cache-status")).isEqualTo("MISS");
        // Metrics count recorded traces, which the trace writer records moments after the answer.
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(second.metric(
                "switchboard_cache_requests_total{endpoint=\"chat.completions\","
                + "model=\"gpt-4o-mini\",provider=\"openai\",result=\"hit\"}")).isPositive());
    }

    @Test
    void aPromptCreatedOnOneReplicaIsServedByTheOther() {
        Reply created = first.call(first.admin("/admin/prompts").post(RequestBody.create("""
                {"name":"greet","messages":[{"role":"user","content":"Hello {{name}}"}],"model":"gpt-4o-mini",
                 "commit_message":"first"}""", MediaType.get("application/json"))));
        assertThat(created.status()).isEqualTo(201);
        second.call(second.admin("/admin/prompts/greet/labels/production").put(RequestBody.create(
                "{\"version\":1}", MediaType.get("application/json"))).header("x-switchboard-user", "bob"));

        Reply rendered = second.call(second.post("/v1/prompts/greet/render", "{\"variables\":{\"name\":\"Ada\"}}"));
        assertThat(rendered.status()).isEqualTo(200);
        assertThat(rendered.json().path("messages").path(0).path("content").asText()).isEqualTo("Hello Ada");
        JsonNode labels = first.call(first.admin("/admin/prompts/greet")).json().path("labels");
        assertThat(labels.path("production").asInt()).isEqualTo(1);
    }

    @Test
    void theLiveStreamOfOneReplicaCarriesTheOthersTracesWithinASecond() throws Exception {
        Map<String, Long> storedAt = new ConcurrentHashMap<>();
        Map<String, Long> seenAt = new ConcurrentHashMap<>();
        List<String> seen = new CopyOnWriteArrayList<>();
        first.gateway().traceFeed().subscribe(t -> storedAt.put(t.id(), System.nanoTime()));
        second.gateway().traceFeed().subscribe(t -> {
            seenAt.put(t.id(), System.nanoTime());
            seen.add(t.id());
        });
        await().atMost(Duration.ofSeconds(10)).until(() -> second.gateway().listensToReplicas());

        OkHttpClient client = new OkHttpClient.Builder().readTimeout(Duration.ofSeconds(20)).build();
        List<String> events = new CopyOnWriteArrayList<>();
        Call call = client.newCall(second.admin("/admin/traces/stream").build());
        try (Response response = call.execute()) {
            BufferedSource source = response.body().source();
            AtomicBoolean connected = new AtomicBoolean();
            Thread reader = Thread.ofVirtual().start(() -> readEvents(source, events, connected));
            await().atMost(Duration.ofSeconds(5)).untilTrue(connected);

            String fromFirst = send(first, "live from the first replica");
            String fromSecond = send(second, "live from the second replica");

            await().atMost(Duration.ofSeconds(5)).until(() -> events.size() >= 2);
            call.cancel();
            reader.join();
            assertThat(events.stream().map(e -> Json.read(e).path("id").asText()))
                    .containsExactlyInAnyOrder(fromFirst, fromSecond);
            long lagMillis = (seenAt.get(fromFirst) - storedAt.get(fromFirst)) / 1_000_000;
            assertThat(lagMillis).as("ms from the first replica's commit to the second's feed").isLessThan(1000);
            await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(2)).until(() -> seen.size() == 2);
            assertThat(seen).as("a replica does not publish its own trace twice")
                    .containsExactlyInAnyOrder(fromFirst, fromSecond);
        }
    }

    private static void readEvents(BufferedSource source, List<String> events, AtomicBoolean connected) {
        try {
            String line;
            while ((line = source.readUtf8Line()) != null) {
                if (line.startsWith(":") && line.contains("connected")) {
                    connected.set(true);
                } else if (line.startsWith("data:")) {
                    events.add(line.substring(5).trim());
                }
            }
        } catch (IOException closed) {
            // the test closed the response
        }
    }
}
