package dev.switchboard.gateway.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.gateway.TestGateway;
import dev.switchboard.gateway.TestGateway.Reply;
import dev.switchboard.gateway.trace.Span;
import dev.switchboard.gateway.trace.Trace;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.SocketEffect;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Fault injection upstream: retries, fallbacks and timeouts as a client sees them, and as traces record them. */
class RoutingProxyTest {
    private static final String CHAT = "{\"model\":\"gpt-4o-mini\",\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}";
    private static final String STREAM = "{\"model\":\"gpt-4o-mini\",\"stream\":true,"
            + "\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}";
    private static final String OK = """
            {"id":"c","object":"chat.completion","created":1,"model":"gpt-4o-mini",
             "choices":[{"index":0,"message":{"role":"assistant","content":"%s"},"finish_reason":"stop"}],
             "usage":{"prompt_tokens":3,"completion_tokens":1,"total_tokens":4}}""";

    @StartStop
    private final MockWebServer primary = new MockWebServer();
    @StartStop
    private final MockWebServer backup = new MockWebServer();
    @RegisterExtension
    final TestGateway gateway = new TestGateway();

    private String fallbackConfig(String extra) {
        return """
                {"strategy":{"mode":"fallback"}%s,"targets":[
                  {"provider":"openai","api_key":"sk-primary","custom_host":"%s"},
                  {"provider":"openai","api_key":"sk-backup","custom_host":"%s"}]}"""
                .formatted(extra, primary.url("/v1"), backup.url("/v1")).replace("\n", "");
    }

    private Reply send(String body, String config) {
        return gateway.call(gateway.post("/v1/chat/completions", body).header("x-portkey-config", config));
    }

    private static MockResponse ok(String text) {
        return new MockResponse.Builder().addHeader("content-type", "application/json").body(OK.formatted(text))
                .build();
    }

    @Test
    void fallsBackWhenThePrimaryFailsAndSaysWhereItWent() throws Exception {
        primary.enqueue(new MockResponse.Builder().code(503).body("{\"error\":{\"message\":\"overloaded\"}}").build());
        backup.enqueue(ok("from backup"));

        Reply reply = send(CHAT, fallbackConfig(""));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().path("choices").path(0).path("message").path("content").asText())
                .isEqualTo("from backup");
        assertThat(reply.headers().get("x-portkey-last-used-option-index")).isEqualTo("config.targets[1]");
        assertThat(reply.headers().get("x-portkey-retry-attempt-count")).isEqualTo("0");
        assertThat(backup.takeRequest(5, TimeUnit.SECONDS).getHeaders().get("Authorization"))
                .isEqualTo("Bearer sk-backup");

        Trace trace = gateway.awaitSingleTraceDetail();
        assertThat(trace.status()).isEqualTo(200);
        assertThat(trace.spans()).extracting(Span::target, Span::status)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("config.targets[0]", 503),
                        org.assertj.core.groups.Tuple.tuple("config.targets[1]", 200));
    }

    @Test
    void retriesA429AfterTheDelayTheProviderAsksFor() {
        primary.enqueue(new MockResponse.Builder().code(429).addHeader("retry-after", "0.2")
                .body("{\"error\":{\"message\":\"slow down\"}}").build());
        primary.enqueue(ok("second try"));
        String config = """
                {"provider":"openai","custom_host":"%s","retry":{"attempts":2,"use_retry_after_header":true}}"""
                .formatted(primary.url("/v1")).strip();

        long started = System.nanoTime();
        Reply reply = send(CHAT, config);
        long tookMs = (System.nanoTime() - started) / 1_000_000;

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.headers().get("x-portkey-retry-attempt-count")).isEqualTo("1");
        assertThat(tookMs).isGreaterThanOrEqualTo(200);
        assertThat(gateway.awaitSingleTraceDetail().spans()).extracting(Span::retry).containsExactly(0, 1);
    }

    @Test
    void fallsBackWhenThePrimaryIsSlowerThanTheTimeout() {
        primary.enqueue(new MockResponse.Builder().headersDelay(3, TimeUnit.SECONDS).body(OK.formatted("late")).build());
        backup.enqueue(ok("in time"));

        Reply reply = send(CHAT, fallbackConfig(",\"request_timeout\":300"));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body()).contains("in time");
        assertThat(gateway.awaitSingleTraceDetail().spans().getFirst().status()).isEqualTo(504);
    }

    @Test
    void fallsBackForAStreamWhoseConnectionIsResetBeforeTheFirstByte() {
        primary.enqueue(new MockResponse.Builder().onRequestStart(new SocketEffect.CloseSocket(true, false, false))
                .build());
        backup.enqueue(new MockResponse.Builder().addHeader("content-type", "text/event-stream").body("""
                data: {"id":"s","object":"chat.completion.chunk","created":1,"model":"gpt-4o-mini","choices":[{"index":0,"delta":{"content":"rescued"},"finish_reason":"stop"}]}

                data: [DONE]

                """).build());

        Reply reply = send(STREAM, fallbackConfig(""));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body()).contains("rescued").endsWith("data: [DONE]\n\n");
        Trace trace = gateway.awaitSingleTraceDetail();
        assertThat(trace.spans()).hasSize(2);
        assertThat(trace.spans().getFirst().status()).isEqualTo(502);
        assertThat(trace.error()).isNull();
    }

    @Test
    void neverRetriesAStreamThatAlreadyReachedTheClient() {
        primary.enqueue(new MockResponse.Builder().addHeader("content-type", "text/event-stream")
                .chunkedBody("data: {\"id\":\"s\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"m\","
                        + "\"choices\":[{\"index\":0,\"delta\":{\"content\":\"partial\"},\"finish_reason\":null}]}\n\n",
                        1024)
                .onResponseEnd(new SocketEffect.CloseSocket(true, false, false)).build());

        Reply reply = send(STREAM, fallbackConfig(""));

        assertThat(reply.body()).contains("partial").contains("\"error\"").doesNotContain("[DONE]");
        assertThat(backup.getRequestCount()).isZero();
        assertThat(gateway.awaitSingleTraceDetail().spans()).singleElement()
                .satisfies(span -> assertThat(span.error()).contains("ended before it was complete"));
    }

    @Test
    void reportsMalformedStreamEventsAsAStreamError() {
        primary.enqueue(new MockResponse.Builder().addHeader("content-type", "text/event-stream")
                .body("data: {\"id\":\"s\",\"object\":\"chat.completion.chunk\",\"choices\":[{\"index\":0,"
                        + "\"delta\":{\"content\":\"ok\"}}]}\n\ndata: {not json\n\n").build());

        Reply reply = gateway.call(gateway.post("/v1/chat/completions", STREAM)
                .header("x-portkey-provider", "anthropic")
                .header("x-portkey-custom-host", primary.url("/v1").toString())
                .header("Authorization", "Bearer k"));

        assertThat(reply.body()).contains("\"error\"").doesNotContain("[DONE]");
        assertThat(gateway.awaitSingleTraceDetail().ok()).isFalse();
    }

    @Test
    void givesTheLastFailureWhenEveryTargetFails() {
        primary.enqueue(new MockResponse.Builder().code(500).body("{\"error\":{\"message\":\"primary down\"}}").build());
        backup.enqueue(new MockResponse.Builder().code(502).body("{\"error\":{\"message\":\"backup down\"}}").build());

        Reply reply = send(CHAT, fallbackConfig(""));

        assertThat(reply.status()).isEqualTo(502);
        assertThat(reply.json().path("error").path("message").asText()).isEqualTo("backup down");
        assertThat(gateway.awaitSingleTraceDetail().spans()).hasSize(2);
    }

    @Test
    void rejectsAnInvalidConfigNamingThePath() {
        Reply reply = send(CHAT, "{\"strategy\":{\"mode\":\"fallback\"},\"targets\":[{\"provider\":\"openai\","
                + "\"weight\":-1}]}");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().path("error").path("param").asText()).isEqualTo("config.targets[0].weight");
    }
}
