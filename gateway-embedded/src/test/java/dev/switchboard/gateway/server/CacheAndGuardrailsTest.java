package dev.switchboard.gateway.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.gateway.Json;
import dev.switchboard.gateway.StoreKind;
import dev.switchboard.gateway.TestGateway;
import dev.switchboard.gateway.TestGateway.Reply;
import dev.switchboard.gateway.trace.Trace;
import java.math.BigDecimal;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

@ParameterizedClass
@EnumSource(StoreKind.class)
class CacheAndGuardrailsTest {
    private static final String OK = """
            {"id":"c1","object":"chat.completion","created":1,"model":"gpt-4o-mini",
             "choices":[{"index":0,"message":{"role":"assistant","content":"%s"},"finish_reason":"stop"}],
             "usage":{"prompt_tokens":1000,"completion_tokens":500,"total_tokens":1500}}""";

    @StartStop
    private final MockWebServer upstream = new MockWebServer();
    @RegisterExtension
    final TestGateway gateway;

    CacheAndGuardrailsTest(StoreKind store) {
        this.gateway = new TestGateway(store);
    }

    private String config(String extra) {
        return ("{\"provider\":\"openai\",\"custom_host\":\"" + upstream.url("/v1") + "\"" + extra + "}");
    }

    private Reply chat(String config, String content, boolean stream, String... headers) {
        var request = gateway.post("/v1/chat/completions", "{\"model\":\"gpt-4o-mini\",\"stream\":" + stream
                + ",\"messages\":[{\"role\":\"user\",\"content\":\"" + content + "\"}]}")
                .header("x-portkey-config", config);
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return gateway.call(request);
    }

    private void answer(String text) {
        upstream.enqueue(new MockResponse.Builder().addHeader("content-type", "application/json")
                .body(OK.formatted(text)).build());
    }

    @Test
    void servesRepeatedRequestsFromTheCacheAndRecordsTheCostSaved() {
        String cached = config(",\"cache\":{\"mode\":\"simple\",\"max_age\":60}");
        answer("first");
        answer("uncached");

        Reply miss = chat(cached, "Hi", false);
        Reply hit = chat(cached, "Hi", false);
        Reply streamedHit = chat(cached, "Hi", true);
        Reply other = chat(config(""), "Hi", false, "x-unused", "1");

        assertThat(miss.headers().get("x-portkey-cache-status")).isEqualTo("MISS");
        assertThat(hit.headers().get("x-portkey-cache-status")).isEqualTo("HIT");
        assertThat(hit.json().path("choices").path(0).path("message").path("content").asText()).isEqualTo("first");
        assertThat(streamedHit.headers().get("x-portkey-cache-status")).isEqualTo("HIT");
        assertThat(streamedHit.body()).contains("\"content\":\"first\"").endsWith("data: [DONE]\n\n")
                .doesNotContain("\"choices\":[]");
        assertThat(other.headers().get("x-portkey-cache-status")).isEqualTo("DISABLED");
        assertThat(upstream.getRequestCount()).as("only the miss and the uncached call went upstream").isEqualTo(2);

        var traces = gateway.awaitTraces(4);
        Trace hitTrace = traces.stream().filter(t -> "HIT".equals(t.cacheStatus()) && !t.stream()).findFirst()
                .orElseThrow();
        assertThat(hitTrace.costUsd()).isEqualByComparingTo(BigDecimal.ZERO);
        assertThat(hitTrace.costSavedUsd()).isPositive();
        assertThat(hitTrace.inputTokens()).isEqualTo(1000);
    }

    @Test
    void refreshesTheCacheWhenForcedAndKeepsRequestsApart() {
        String cached = config(",\"cache\":{\"mode\":\"simple\"}");
        answer("old");
        answer("new");
        answer("different question");

        chat(cached, "Hi", false);
        Reply refreshed = chat(cached, "Hi", false, "x-portkey-cache-force-refresh", "true");
        Reply afterRefresh = chat(cached, "Hi", false);
        Reply otherQuestion = chat(cached, "Bye", false);

        assertThat(refreshed.headers().get("x-portkey-cache-status")).isEqualTo("REFRESH");
        assertThat(refreshed.body()).contains("new");
        assertThat(afterRefresh.headers().get("x-portkey-cache-status")).isEqualTo("HIT");
        assertThat(afterRefresh.body()).contains("new");
        assertThat(otherQuestion.headers().get("x-portkey-cache-status")).isEqualTo("MISS");
    }

    @Test
    void expiresCachedAnswersAfterMaxAge() throws Exception {
        String cached = config(",\"cache\":{\"mode\":\"simple\",\"max_age\":1}");
        answer("first");
        answer("second");

        chat(cached, "Hi", false);
        Thread.sleep(1100);
        Reply later = chat(cached, "Hi", false);

        assertThat(later.headers().get("x-portkey-cache-status")).isEqualTo("MISS");
        assertThat(later.body()).contains("second");
    }

    @Test
    void deniesAnInputThatFailsADenyingGuardrailWith446() {
        String guarded = config(",\"input_guardrails\":[{\"default.contains\":{\"operator\":\"none\","
                + "\"words\":[\"password\"]},\"deny\":true}]");

        Reply denied = chat(guarded, "my password is hunter2", false);

        assertThat(denied.status()).isEqualTo(446);
        assertThat(denied.json().path("error").path("type").asText()).isEqualTo("hooks_failed");
        assertThat(denied.json().path("hook_results").path("before_request_hooks").path(0).path("verdict")
                .asBoolean()).isFalse();
        assertThat(upstream.getRequestCount()).isZero();
        Trace trace = gateway.awaitSingleTraceDetail();
        assertThat(trace.status()).isEqualTo(446);
        assertThat(trace.hookResults().path("before_request_hooks")).hasSize(1);
    }

    @Test
    void answers246WithHookResultsWhenANonDenyingCheckFails() {
        answer("A long answer with many words in it");
        String guarded = config(",\"output_guardrails\":[{\"default.wordCount\":{\"maxWords\":3}}]");

        Reply reply = chat(guarded, "Hi", false);

        assertThat(reply.status()).isEqualTo(246);
        assertThat(reply.json().path("choices").path(0).path("message").path("content").asText())
                .startsWith("A long answer");
        assertThat(reply.json().path("hook_results").path("after_request_hooks").path(0).path("verdict").asBoolean())
                .isFalse();
    }

    @Test
    void flagsAStreamWhoseInputFailedANonDenyingCheck() {
        upstream.enqueue(new MockResponse.Builder().addHeader("content-type", "text/event-stream").body("""
                data: {"id":"s","object":"chat.completion.chunk","created":1,"model":"gpt-4o-mini","choices":[{"index":0,"delta":{"content":"hello"},"finish_reason":"stop"}]}

                data: [DONE]

                """).build());
        String guarded = config(",\"input_guardrails\":[{\"default.wordCount\":{\"minWords\":5}}]");

        Reply reply = chat(guarded, "Hi", true);

        assertThat(reply.status()).isEqualTo(246);
        assertThat(reply.body()).contains("hello").endsWith("data: [DONE]\n\n");
        Trace trace = gateway.awaitSingleTraceDetail();
        assertThat(trace.status()).isEqualTo(246);
        assertThat(trace.hookResults().path("before_request_hooks").path(0).path("verdict").asBoolean()).isFalse();
    }

    @Test
    void redactsPersonalDataBeforeItLeavesAndOnTheWayBack() throws Exception {
        answer("Write to jane.doe@example.com");
        String guarded = config(",\"input_guardrails\":[{\"default.pii\":{\"redact\":true}}],"
                + "\"output_guardrails\":[{\"default.pii\":{\"redact\":true}}]");

        Reply reply = chat(guarded, "My card is 4111 1111 1111 1111", false);

        JsonNode sent = Json.read(upstream.takeRequest(5, TimeUnit.SECONDS).getBody().utf8());
        assertThat(sent.path("messages").path(0).path("content").asText()).doesNotContain("4111")
                .contains("[REDACTED_CREDIT_CARD]");
        assertThat(reply.body()).doesNotContain("jane.doe@example.com").contains("[REDACTED_EMAIL]");
    }
}
