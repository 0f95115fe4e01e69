package dev.switchboard.gateway.telemetry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.switchboard.gateway.TestGateway;
import dev.switchboard.gateway.TestGateway.Reply;
import dev.switchboard.gateway.telemetry.OtlpWire.ExportedSpan;
import dev.switchboard.gateway.trace.Span;
import dev.switchboard.gateway.trace.Trace;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.opentelemetry.sdk.common.export.RetryPolicy;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Exports over real OTLP/HTTP to an in-process receiver that decodes the protobuf it is sent. */
class OtlpExportTest {
    private static final String CALLER_TRACE = "0af7651916cd43dd8448eb211c80319c";
    private static final String CALLER_SPAN = "b7ad6b7169203331";

    @StartStop
    private final MockWebServer upstream = new MockWebServer();
    @StartStop
    private final MockWebServer collector = new MockWebServer();
    @TempDir
    Path dataDir;
    private final List<ExportedSpan> received = new CopyOnWriteArrayList<>();
    private final List<RecordedRequest> exports = new CopyOnWriteArrayList<>();

    @BeforeEach
    void servers() {
        upstream.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return new MockResponse.Builder().addHeader("content-type", "application/json").body("""
                        {"id":"chatcmpl-42","object":"chat.completion","created":1,"model":"gpt-4o-mini-2024-07-18",
                         "choices":[{"index":0,"message":{"role":"assistant","content":"Hi Ada"},"finish_reason":"stop"}],
                         "usage":{"prompt_tokens":10,"completion_tokens":5,"total_tokens":15}}""").build();
            }
        });
        collector.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                exports.add(request);
                received.addAll(OtlpWire.spans(request.getBody().toByteArray()));
                return new MockResponse.Builder().addHeader("content-type", "application/x-protobuf").build();
            }
        });
    }

    private Reply send(TestGateway gateway, String traceparent) {
        var request = gateway.post("/v1/chat/completions", """
                        {"model":"gpt-4o-mini","temperature":0.3,"max_tokens":50,
                         "messages":[{"role":"user","content":"Hello, I am Ada"}]}""")
                .header("x-portkey-provider", "openai")
                .header("x-portkey-custom-host", upstream.url("/v1").toString())
                .header("x-portkey-metadata", "{\"team\":\"core\"}");
        if (traceparent != null) {
            request.header("traceparent", traceparent);
        }
        return gateway.call(request);
    }

    @Test
    void exportsGenAiSpansAsChildrenOfTheCallersTrace() {
        var settings = new OtlpSettings(collector.url("/v1/traces").toString(), Map.of("x-api-key", "secret"),
                true, Duration.ofSeconds(5), "switchboard-test", Map.of("deployment.environment", "test"));
        try (TestGateway gateway = new TestGateway(TestGateway.config(dataDir).withOtlp(settings))) {
            assertThat(send(gateway, "00-" + CALLER_TRACE + "-" + CALLER_SPAN + "-01").status()).isEqualTo(200);

            await().atMost(Duration.ofSeconds(10)).until(() ->
                    gateway.metric("switchboard_otlp_spans_exported_total") == 2);
            assertThat(received).hasSize(2);
        }
        RecordedRequest export = exports.getFirst();
        assertThat(export.getUrl().encodedPath()).isEqualTo("/v1/traces");
        assertThat(export.getHeaders().get("content-type")).isEqualTo("application/x-protobuf");
        assertThat(export.getHeaders().get("x-api-key")).isEqualTo("secret");

        ExportedSpan request = received.stream().filter(s -> s.kind() == 2).findFirst().orElseThrow();
        ExportedSpan attempt = received.stream().filter(s -> s.kind() == 3).findFirst().orElseThrow();
        assertThat(request.traceId()).isEqualTo(CALLER_TRACE);
        assertThat(request.parentSpanId()).as("a child of the caller's span").isEqualTo(CALLER_SPAN);
        assertThat(attempt.traceId()).isEqualTo(CALLER_TRACE);
        assertThat(attempt.parentSpanId()).as("the upstream call is a child of the request").isEqualTo(request.spanId());
        assertThat(request.name()).isEqualTo("chat gpt-4o-mini");
        assertThat(request.endNanos()).isGreaterThanOrEqualTo(attempt.endNanos());
        assertThat(attempt.startNanos()).isGreaterThanOrEqualTo(request.startNanos());

        Map<String, Object> a = request.attributes();
        assertThat(a).containsEntry("gen_ai.operation.name", "chat")
                .containsEntry("gen_ai.provider.name", "openai")
                .containsEntry("gen_ai.request.model", "gpt-4o-mini")
                .containsEntry("gen_ai.response.model", "gpt-4o-mini-2024-07-18")
                .containsEntry("gen_ai.response.id", "chatcmpl-42")
                .containsEntry("gen_ai.usage.input_tokens", 10L)
                .containsEntry("gen_ai.usage.output_tokens", 5L)
                .containsEntry("gen_ai.response.finish_reasons", List.of("stop"))
                .containsEntry("gen_ai.request.temperature", 0.3)
                .containsEntry("gen_ai.request.max_tokens", 50L)
                .containsEntry("http.response.status_code", 200L)
                .containsEntry("switchboard.metadata.team", "core")
                .containsKeys("switchboard.trace.id", "switchboard.cost_usd");
        assertThat((String) a.get("gen_ai.input.messages"))
                .isEqualTo("[{\"role\":\"user\",\"parts\":[{\"type\":\"text\",\"content\":\"Hello, I am Ada\"}]}]");
        assertThat((String) a.get("gen_ai.output.messages")).contains("\"content\":\"Hi Ada\"",
                "\"finish_reason\":\"stop\"");
        assertThat(attempt.attributes()).containsEntry("gen_ai.provider.name", "openai")
                .containsEntry("switchboard.step.kind", "attempt").containsEntry("switchboard.retry", 0L)
                .containsEntry("server.address", "localhost").containsEntry("http.response.status_code", 200L);
        assertThat(request.resource()).containsEntry("service.name", "switchboard-test")
                .containsEntry("deployment.environment", "test").containsKey("service.instance.id");
    }

    @Test
    void startsANewTraceWithoutTraceparentAndLeavesContentOutUnlessAskedFor() {
        var settings = OtlpSettings.to(collector.url("/v1/traces").toString(), false);
        try (TestGateway gateway = new TestGateway(TestGateway.config(dataDir).withOtlp(settings))) {
            send(gateway, null);
            await().atMost(Duration.ofSeconds(10)).until(() -> received.size() >= 2);
        }
        ExportedSpan request = received.stream().filter(s -> s.kind() == 2).findFirst().orElseThrow();
        assertThat(request.parentSpanId()).isEmpty();
        assertThat(request.traceId()).hasSize(32).isNotEqualTo(CALLER_TRACE);
        assertThat(request.attributes()).containsKey("gen_ai.usage.input_tokens")
                .doesNotContainKeys("gen_ai.input.messages", "gen_ai.output.messages");
    }

    @Test
    void requestsAreUnaffectedWhenTheCollectorIsDown() throws IOException {
        var settings = OtlpSettings.to("http://127.0.0.1:" + freePort() + "/v1/traces", false);
        try (TestGateway exporting = new TestGateway(TestGateway.config(dataDir.resolve("exporting")).withOtlp(settings));
             TestGateway plain = new TestGateway(TestGateway.config(dataDir.resolve("plain")))) {
            // Interleaved with a gateway that exports nothing, so a busy machine slows both alike.
            List<Long> withExport = new java.util.ArrayList<>();
            List<Long> without = new java.util.ArrayList<>();
            for (int i = 0; i < 12; i++) {
                withExport.add(timed(() -> assertThat(send(exporting, null).status()).isEqualTo(200)));
                without.add(timed(() -> assertThat(send(plain, null).status()).isEqualTo(200)));
            }
            assertThat(median(withExport)).as("median ms with the collector down, vs %s ms without export", median(without))
                    .isLessThan(median(without) * 3 + 100);
            assertThat(exporting.awaitTraces(12)).hasSize(12);
        }
    }

    private static long timed(Runnable call) {
        long start = System.nanoTime();
        call.run();
        return (System.nanoTime() - start) / 1_000_000;
    }

    private static long median(List<Long> millis) {
        return millis.stream().sorted().toList().get(millis.size() / 2);
    }

    @Test
    void retriesThenDropsAndCountsSpansTheCollectorRefusesOrThatDoNotFitTheQueue() {
        AtomicInteger attempts = new AtomicInteger();
        collector.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
                attempts.incrementAndGet();
                Thread.sleep(200);
                return new MockResponse.Builder().code(503).build();
            }
        });
        SimpleMeterRegistry metrics = new SimpleMeterRegistry();
        RetryPolicy quick = RetryPolicy.builder().setMaxAttempts(3).setInitialBackoff(Duration.ofMillis(10))
                .setRetryExceptionPredicate(e -> true).build();
        var settings = OtlpSettings.to(collector.url("/v1/traces").toString(), false);
        try (OtlpExport export = OtlpExport.start(settings, "test", metrics, quick, 100)) {
            for (int i = 0; i < 200; i++) {
                export.export(trace(i));
            }
            assertThat(dropped(metrics, "queue_full")).as("400 spans; room for 100 queued and 100 in export")
                    .isGreaterThanOrEqualTo(200);
            await().atMost(Duration.ofSeconds(20)).until(() ->
                    dropped(metrics, "queue_full") + dropped(metrics, "export_failed") == 400);
        }
        assertThat(attempts.get()).as("each batch tried three times").isPositive().matches(n -> n % 3 == 0);
        assertThat(dropped(metrics, "shutdown")).isZero();
    }

    private static double dropped(SimpleMeterRegistry metrics, String reason) {
        var counter = metrics.find("switchboard.otlp.spans.dropped").tag("reason", reason).counter();
        return counter == null ? 0 : counter.count();
    }

    private static Trace trace(int n) {
        Instant start = Instant.now();
        return new Trace("t" + n, null, start, 12, null, 200, "openai", "gpt-4o-mini", "chat.completions", false, 3,
                4, null, null, false, null, "stop", Map.of(), null, null, null, null, null, null, null, null, Map.of(),
                List.of(new Span(0, "attempt", "config", 0, "openai", null,
                        "https://api.openai.com/v1/chat/completions", start, 10, 200, null)), null);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
