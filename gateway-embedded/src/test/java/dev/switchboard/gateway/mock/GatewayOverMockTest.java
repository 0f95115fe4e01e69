package dev.switchboard.gateway.mock;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.gateway.TestGateway;
import dev.switchboard.gateway.trace.Trace;
import java.nio.file.Path;
import java.util.List;
import okhttp3.Request;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The gateway with the mock as its upstream, as in demo mode and the benchmark: replies, usage and traces flow. */
class GatewayOverMockTest {
    @TempDir
    Path dataDir;

    MockProvider mock;
    TestGateway gateway;

    @BeforeEach
    void start() {
        mock = MockProvider.start(MockOptions.defaults());
        gateway = new TestGateway(dataDir);
    }

    @AfterEach
    void stop() {
        gateway.close();
        mock.close();
    }

    Request.Builder chat(String json) {
        return gateway.post("/v1/chat/completions", json)
                .header("Authorization", "Bearer sk-mock")
                .header("x-portkey-provider", "openai")
                .header("x-portkey-custom-host", mock.baseUrl() + "/v1");
    }

    @Test
    void wholeAndStreamedRepliesArriveAndAreTracedWithTheMocksUsage() {
        TestGateway.Reply whole = gateway.call(chat("""
                {"model":"gpt-4o-mini","messages":[{"role":"user","content":"Hello"}]}"""));
        TestGateway.Reply streamed = gateway.call(chat("""
                {"model":"gpt-4o-mini","stream":true,"stream_options":{"include_usage":true},
                 "messages":[{"role":"user","content":"Hello"}]}"""));

        assertThat(whole.status()).isEqualTo(200);
        assertThat(whole.json().path("choices").path(0).path("message").path("content").asText()).isNotBlank();
        assertThat(streamed.status()).isEqualTo(200);
        assertThat(streamed.body()).contains("chat.completion.chunk").endsWith("data: [DONE]\n\n");
        int outputTokens = whole.json().path("usage").path("completion_tokens").asInt();
        List<Trace> traces = gateway.awaitTraces(2);
        assertThat(traces).allSatisfy(trace -> {
            assertThat(trace.status()).isEqualTo(200);
            assertThat(trace.model()).isEqualTo("gpt-4o-mini");
            assertThat(trace.outputTokens()).isEqualTo(outputTokens);
            assertThat(trace.tokensEstimated()).isFalse();
            assertThat(trace.costUsd()).isPositive();
        });
    }

    @Test
    void injectedRateLimitReachesTheCallerWithRetryAfter() {
        TestGateway.Reply reply = gateway.call(chat("""
                {"model":"gpt-4o-mini","messages":[{"role":"user","content":"Hello [mock:error 429]"}]}"""));

        assertThat(reply.status()).isEqualTo(429);
        assertThat(reply.headers().get("retry-after")).isEqualTo("1");
        assertThat(reply.json().path("error").path("message").asText()).contains("429");
        assertThat(gateway.awaitTraces(1).getFirst().status()).isEqualTo(429);
    }
}
