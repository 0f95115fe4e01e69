package dev.switchboard.gateway.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.gateway.Json;
import dev.switchboard.gateway.StoreKind;
import dev.switchboard.gateway.TestGateway;
import dev.switchboard.gateway.TestGateway.Reply;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import okhttp3.OkHttpClient;
import okhttp3.Call;
import okhttp3.Response;
import okio.BufferedSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

@ParameterizedClass
@EnumSource(StoreKind.class)
class AdminApiTest {
    @StartStop
    private final MockWebServer upstream = new MockWebServer();
    @RegisterExtension
    final TestGateway gateway;

    AdminApiTest(StoreKind store) {
        this.gateway = new TestGateway(store);
    }

    @BeforeEach
    void start() {
        upstream.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                String body = request.getBody().utf8();
                if (body.contains("fail")) {
                    return new MockResponse.Builder().code(500).body("{\"error\":{\"message\":\"boom\"}}").build();
                }
                String model = Json.read(body).path("model").asText();
                return new MockResponse.Builder().addHeader("content-type", "application/json").body("""
                        {"id":"x","object":"chat.completion","created":1,"model":"%s",
                         "choices":[{"index":0,"message":{"role":"assistant","content":"ok"},"finish_reason":"stop"}],
                         "usage":{"prompt_tokens":10,"completion_tokens":5,"total_tokens":15}}""".formatted(model))
                        .build();
            }
        });
    }

    private void send(String model, String content, String metadata) {
        gateway.call(gateway.post("/v1/chat/completions", """
                        {"model":"%s","messages":[{"role":"user","content":"%s"}]}""".formatted(model, content))
                .header("x-portkey-provider", "openai")
                .header("x-portkey-custom-host", upstream.url("/v1").toString())
                .header("x-portkey-metadata", metadata));
    }

    @Test
    void refusesCallsWithoutTheAdminToken() {
        Reply none = gateway.call(gateway.get("/admin/traces"));
        Reply wrong = gateway.call(gateway.get("/admin/traces").header("Authorization", "Bearer nope"));

        assertThat(none.status()).isEqualTo(401);
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(none.json().path("error").path("message").asText()).contains("admin token");
    }

    @Test
    void listsTracesNewestFirstInPagesAndFilters() {
        for (int i = 0; i < 5; i++) {
            send("gpt-4o", "hello " + i, "{\"use_case\":\"chat\"}");
        }
        send("gpt-4o-mini", "please fail", "{\"use_case\":\"search\"}");
        gateway.awaitTraces(6);

        JsonNode first = gateway.call(gateway.admin("/admin/traces?limit=4")).json();
        assertThat(first.path("items")).hasSize(4);
        assertThat(first.path("items").path(0).path("model").asText()).isEqualTo("gpt-4o-mini");
        JsonNode second = gateway.call(gateway.admin("/admin/traces?limit=4&cursor="
                + first.path("nextCursor").asText())).json();
        assertThat(second.path("items")).hasSize(2);
        assertThat(second.path("nextCursor").isMissingNode() || second.path("nextCursor").isNull()).isTrue();

        JsonNode errors = gateway.call(gateway.admin("/admin/traces?status=error")).json();
        assertThat(errors.path("items")).hasSize(1);
        assertThat(errors.path("items").path(0).path("error").asText()).isEqualTo("boom");
        assertThat(gateway.call(gateway.admin("/admin/traces?q=hello%203")).json().path("items")).hasSize(1);
        assertThat(gateway.call(gateway.admin("/admin/traces?metadata=use_case%3Dchat")).json().path("items"))
                .hasSize(5);
        assertThat(gateway.call(gateway.admin("/admin/traces?model=gpt-4o&provider=openai")).json().path("items"))
                .hasSize(5);
        assertThat(gateway.call(gateway.admin("/admin/traces/count?status=ok")).json().path("count").asLong())
                .isEqualTo(5);
    }

    @Test
    void returnsOneTraceWithItsBodiesAndNamesMissingOnes() {
        send("gpt-4o", "hello", "{}");
        String id = gateway.awaitTraces(1).getFirst().id();

        JsonNode trace = gateway.call(gateway.admin("/admin/traces/" + id)).json();
        assertThat(trace.path("id").asText()).isEqualTo(id);
        for (String field : List.of("startedAt", "durationMs", "status", "provider", "model", "stream", "inputTokens",
                "outputTokens", "tokensEstimated", "costUsd", "metadata")) {
            assertThat(trace.has(field)).as(field).isTrue();
        }
        assertThat(trace.path("requestBody").asText()).contains("hello");
        assertThat(trace.path("spans")).hasSize(1);

        Reply missing = gateway.call(gateway.admin("/admin/traces/does-not-exist"));
        assertThat(missing.status()).isEqualTo(404);
    }

    @Test
    void summarisesUsageByModelAndByMetadataKey() {
        send("gpt-4o", "a", "{\"team\":\"core\"}");
        send("gpt-4o", "b", "{\"team\":\"core\"}");
        send("gpt-4o-mini", "c", "{\"team\":\"ml\"}");
        send("gpt-4o-mini", "please fail", "{}");
        gateway.awaitTraces(4);

        JsonNode byModel = gateway.call(gateway.admin("/admin/usage?groupBy=model")).json().path("groups");
        JsonNode gpt4o = find(byModel, "gpt-4o");
        assertThat(gpt4o.path("requests").asLong()).isEqualTo(2);
        assertThat(gpt4o.path("inputTokens").asLong()).isEqualTo(20);
        assertThat(gpt4o.path("outputTokens").asLong()).isEqualTo(10);
        assertThat(gpt4o.path("costUsd").decimalValue()).isPositive();
        assertThat(gpt4o.has("p50Ms")).isTrue();
        assertThat(find(byModel, "gpt-4o-mini").path("errors").asLong()).isEqualTo(1);

        JsonNode byTeam = gateway.call(gateway.admin("/admin/usage?groupBy=metadata.team")).json().path("groups");
        assertThat(find(byTeam, "core").path("requests").asLong()).isEqualTo(2);
        assertThat(find(byTeam, "ml").path("requests").asLong()).isEqualTo(1);

        Reply bad = gateway.call(gateway.admin("/admin/usage?groupBy=colour"));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().path("error").path("param").asText()).isEqualTo("groupBy");
    }

    @Test
    void givesTotalsAndATimeSeriesForCharts() {
        send("gpt-4o", "a", "{}");
        send("gpt-4o-mini", "b", "{}");
        send("gpt-4o-mini", "please fail", "{}");
        gateway.awaitTraces(3);

        JsonNode total = gateway.call(gateway.admin("/admin/usage?groupBy=none")).json().path("groups");
        assertThat(total).hasSize(1);
        assertThat(total.path(0).path("requests").asLong()).isEqualTo(3);
        assertThat(total.path(0).path("errors").asLong()).isEqualTo(1);

        JsonNode series = gateway.call(gateway.admin("/admin/usage/series?bucketSeconds=3600&groupBy=model")).json();
        assertThat(series.path("bucketSeconds").asLong()).isEqualTo(3600);
        long requests = 0;
        for (JsonNode bucket : series.path("buckets")) {
            assertThat(Instant.parse(bucket.path("start").asText()).toEpochMilli() % 3_600_000).isZero();
            requests += bucket.path("requests").asLong();
        }
        assertThat(requests).isEqualTo(3);
    }

    @Test
    void streamsEachStoredTraceLive() throws Exception {
        OkHttpClient client = new OkHttpClient.Builder().readTimeout(Duration.ofSeconds(20)).build();
        List<String> events = new CopyOnWriteArrayList<>();
        Call call = client.newCall(gateway.admin("/admin/traces/stream").build());
        try (Response response = call.execute()) {
            assertThat(response.code()).isEqualTo(200);
            assertThat(response.header("content-type")).startsWith("text/event-stream");
            BufferedSource source = response.body().source();
            AtomicBoolean connected = new AtomicBoolean();
            Thread reader = Thread.ofVirtual().start(() -> readEvents(source, events, connected));
            await().atMost(Duration.ofSeconds(5)).untilTrue(connected);
            send("gpt-4o", "live one", "{}");
            send("gpt-4o", "live two", "{}");
            await().atMost(Duration.ofSeconds(10)).until(() -> events.size() >= 2);
            call.cancel();
            reader.join();
        }
        assertThat(events).allSatisfy(e -> assertThat(Json.read(e).path("model").asText()).isEqualTo("gpt-4o"));
        assertThat(events.stream().map(e -> Json.read(e).path("id").asText()).distinct()).hasSize(2);
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

    private static JsonNode find(JsonNode groups, String key) {
        for (JsonNode group : groups) {
            if (key.equals(group.path("key").asText())) {
                return group;
            }
        }
        throw new AssertionError("no group " + key + " in " + groups);
    }
}
