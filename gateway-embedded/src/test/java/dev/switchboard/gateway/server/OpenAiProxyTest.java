package dev.switchboard.gateway.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.gateway.Json;
import dev.switchboard.gateway.TestGateway;
import dev.switchboard.gateway.TestGateway.Reply;
import dev.switchboard.gateway.trace.Trace;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import mockwebserver3.junit5.StartStop;
import okhttp3.OkHttpClient;
import okhttp3.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class OpenAiProxyTest {
    private static final String COMPLETION = """
            {"id":"chatcmpl-1","object":"chat.completion","created":1700000000,"model":"gpt-4o-2024-08-06",
             "choices":[{"index":0,"message":{"role":"assistant","content":"Hello!"},"finish_reason":"stop"}],
             "usage":{"prompt_tokens":1000,"completion_tokens":100,"total_tokens":1100,
                      "prompt_tokens_details":{"cached_tokens":200}}}""";

    @StartStop
    private final MockWebServer upstream = new MockWebServer();
    @RegisterExtension
    final TestGateway gateway = new TestGateway();

    private String host() {
        return upstream.url("/v1").toString();
    }

    @Test
    void forwardsAChatCompletionUntouchedAndRecordsItsCost() throws Exception {
        upstream.enqueue(new MockResponse.Builder().addHeader("content-type", "application/json")
                .body(COMPLETION).build());

        Reply reply = gateway.call(gateway.post("/v1/chat/completions", """
                        {"model":"gpt-4o","messages":[{"role":"user","content":"Hi"}],"seed":7,"vendor_flag":true}""")
                .header("Authorization", "Bearer sk-test-secret")
                .header("x-portkey-provider", "openai")
                .header("x-portkey-custom-host", host())
                .header("x-portkey-trace-id", "my-trace-1")
                .header("x-portkey-metadata", "{\"use_case\":\"support\",\"team\":\"core\"}"));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body()).isEqualTo(COMPLETION);
        assertThat(reply.headers().get("x-portkey-trace-id")).isEqualTo("my-trace-1");
        assertThat(reply.headers().get("x-portkey-provider")).isEqualTo("openai");

        RecordedRequest sent = upstream.takeRequest(5, TimeUnit.SECONDS);
        assertThat(sent.getUrl().encodedPath()).isEqualTo("/v1/chat/completions");
        assertThat(sent.getHeaders().get("Authorization")).isEqualTo("Bearer sk-test-secret");
        JsonNode forwarded = Json.read(sent.getBody().utf8());
        assertThat(forwarded.path("vendor_flag").asBoolean()).isTrue();
        assertThat(forwarded.path("seed").asInt()).isEqualTo(7);

        Trace trace = gateway.awaitSingleTraceDetail();
        assertThat(trace.clientTraceId()).isEqualTo("my-trace-1");
        assertThat(trace.status()).isEqualTo(200);
        assertThat(trace.provider()).isEqualTo("openai");
        assertThat(trace.model()).isEqualTo("gpt-4o-2024-08-06");
        assertThat(trace.inputTokens()).isEqualTo(1000);
        assertThat(trace.outputTokens()).isEqualTo(100);
        assertThat(trace.cachedTokens()).isEqualTo(200);
        assertThat(trace.tokensEstimated()).isFalse();
        // gpt-4o: 800 uncached × $2.50/M + 200 cached × $1.25/M + 100 output × $10/M
        assertThat(trace.costUsd()).isEqualByComparingTo(new BigDecimal("0.00325"));
        assertThat(trace.finishReason()).isEqualTo("stop");
        assertThat(trace.metadata()).containsEntry("use_case", "support").containsEntry("team", "core");
        assertThat(trace.requestHeaders()).containsEntry("authorization", "[redacted]");
        assertThat(trace.toString()).doesNotContain("sk-test-secret");
        assertThat(trace.responseBody()).isEqualTo(COMPLETION);
        assertThat(trace.spans()).singleElement().satisfies(span -> {
            assertThat(span.status()).isEqualTo(200);
            assertThat(span.url()).endsWith("/v1/chat/completions");
        });
    }

    @Test
    void relaysAStreamChunkByChunkAndHidesTheUsageChunkTheClientDidNotAskFor() throws Exception {
        String stream = """
                data: {"id":"c1","object":"chat.completion.chunk","created":1,"model":"gpt-4o-mini","choices":[{"index":0,"delta":{"role":"assistant","content":""},"finish_reason":null}],"usage":null}

                data: {"id":"c1","object":"chat.completion.chunk","created":1,"model":"gpt-4o-mini","choices":[{"index":0,"delta":{"content":"Hel"},"finish_reason":null}],"usage":null}

                data: {"id":"c1","object":"chat.completion.chunk","created":1,"model":"gpt-4o-mini","choices":[{"index":0,"delta":{"content":"lo"},"finish_reason":"stop"}],"usage":null}

                data: {"id":"c1","object":"chat.completion.chunk","created":1,"model":"gpt-4o-mini","choices":[],"usage":{"prompt_tokens":12,"completion_tokens":2,"total_tokens":14}}

                data: [DONE]

                """;
        upstream.enqueue(new MockResponse.Builder().addHeader("content-type", "text/event-stream")
                .body(stream).build());

        Reply reply = gateway.call(gateway.post("/v1/chat/completions", """
                        {"model":"gpt-4o-mini","stream":true,"messages":[{"role":"user","content":"Hi"}]}""")
                .header("Authorization", "Bearer sk-test")
                .header("x-portkey-provider", "openai")
                .header("x-portkey-custom-host", host()));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.headers().get("content-type")).startsWith("text/event-stream");
        assertThat(reply.body()).contains("\"content\":\"Hel\"", "\"content\":\"lo\"")
                .doesNotContain("\"choices\":[]").endsWith("data: [DONE]\n\n");
        JsonNode forwarded = Json.read(upstream.takeRequest(5, TimeUnit.SECONDS).getBody().utf8());
        assertThat(forwarded.path("stream_options").path("include_usage").asBoolean()).isTrue();

        Trace trace = gateway.awaitSingleTraceDetail();
        assertThat(trace.stream()).isTrue();
        assertThat(trace.inputTokens()).isEqualTo(12);
        assertThat(trace.outputTokens()).isEqualTo(2);
        assertThat(trace.tokensEstimated()).isFalse();
        assertThat(trace.ttftMs()).isNotNull();
        assertThat(trace.error()).isNull();
        JsonNode folded = Json.read(trace.responseBody());
        assertThat(folded.path("choices").path(0).path("message").path("content").asText()).isEqualTo("Hello");
    }

    @Test
    void sendsEachChunkOnBeforeWaitingForTheProvidersNext() throws Exception {
        String first = "data: {\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"m\","
                + "\"choices\":[{\"index\":0,\"delta\":{\"content\":\"Hel\"},\"finish_reason\":null}]}\n\n";
        // The provider sends the first chunk, then thinks for 20 s before the rest.
        upstream.enqueue(new MockResponse.Builder().addHeader("content-type", "text/event-stream")
                .body(first + "data: [DONE]\n\n").throttleBody(first.length(), 20, TimeUnit.SECONDS).build());
        OkHttpClient client = new OkHttpClient.Builder().readTimeout(Duration.ofSeconds(5)).build();

        try (Response response = client.newCall(gateway.post("/v1/chat/completions", """
                        {"model":"m","stream":true,"messages":[{"role":"user","content":"Hi"}]}""")
                .header("x-portkey-provider", "openai").header("x-portkey-custom-host", host()).build()).execute()) {
            assertThat(response.body().source().readUtf8Line()).as("the first chunk, long before the provider's next")
                    .isEqualTo(first.strip());
        } finally {
            client.dispatcher().executorService().shutdown();
            client.connectionPool().evictAll();
        }
    }

    @Test
    void keepsTheUsageChunkWhenTheClientAskedForIt() {
        upstream.enqueue(new MockResponse.Builder().addHeader("content-type", "text/event-stream").body("""
                data: {"id":"c1","object":"chat.completion.chunk","created":1,"model":"m","choices":[{"index":0,"delta":{"content":"x"},"finish_reason":"stop"}]}

                data: {"id":"c1","object":"chat.completion.chunk","created":1,"model":"m","choices":[],"usage":{"prompt_tokens":3,"completion_tokens":1,"total_tokens":4}}

                data: [DONE]

                """).build());

        Reply reply = gateway.call(gateway.post("/v1/chat/completions", """
                        {"model":"m","stream":true,"stream_options":{"include_usage":true},
                         "messages":[{"role":"user","content":"Hi"}]}""")
                .header("x-portkey-provider", "openai").header("x-portkey-custom-host", host()));

        assertThat(reply.body()).contains("\"choices\":[],\"usage\"");
    }

    @Test
    void estimatesTokensWhenAHostReportsNone() {
        upstream.enqueue(new MockResponse.Builder().addHeader("content-type", "text/event-stream").body("""
                data: {"id":"c1","object":"chat.completion.chunk","created":1,"model":"llama3","choices":[{"index":0,"delta":{"role":"assistant","content":"Hello there, friend"},"finish_reason":"stop"}]}

                data: [DONE]

                """).build());

        gateway.call(gateway.post("/v1/chat/completions", """
                        {"model":"llama3","stream":true,"messages":[{"role":"user","content":"Say hello to me"}]}""")
                .header("x-portkey-provider", "ollama").header("x-portkey-custom-host", host()));

        Trace trace = gateway.awaitSingleTraceDetail();
        assertThat(trace.tokensEstimated()).isTrue();
        assertThat(trace.inputTokens()).isBetween(8, 20);
        assertThat(trace.outputTokens()).isBetween(3, 6);
        assertThat(trace.costUsd()).isNull();
    }

    @Test
    void passesUpstreamErrorsOnInOpenAiShapeWithRetryAfter() {
        upstream.enqueue(new MockResponse.Builder().code(429).addHeader("retry-after", "7")
                .body("{\"error\":{\"message\":\"Rate limit reached for gpt-4o\",\"type\":\"requests\",\"code\":\"rate_limit_exceeded\"}}")
                .build());

        Reply reply = gateway.call(gateway.post("/v1/chat/completions",
                        "{\"model\":\"gpt-4o\",\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}")
                .header("x-portkey-provider", "openai").header("x-portkey-custom-host", host()));

        assertThat(reply.status()).isEqualTo(429);
        assertThat(reply.headers().get("retry-after")).isEqualTo("7");
        assertThat(reply.json().path("error").path("message").asText()).isEqualTo("Rate limit reached for gpt-4o");
        Trace trace = gateway.awaitSingleTraceDetail();
        assertThat(trace.status()).isEqualTo(429);
        assertThat(trace.error()).isEqualTo("Rate limit reached for gpt-4o");
        assertThat(trace.ok()).isFalse();
    }

    @Test
    void answers504WhenTheProviderIsSlowerThanTheRequestTimeout() {
        upstream.enqueue(new MockResponse.Builder().headersDelay(3, TimeUnit.SECONDS).body(COMPLETION).build());

        Reply reply = gateway.call(gateway.post("/v1/chat/completions",
                        "{\"model\":\"gpt-4o\",\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}")
                .header("x-portkey-provider", "openai").header("x-portkey-custom-host", host())
                .header("x-portkey-request-timeout", "300"));

        assertThat(reply.status()).isEqualTo(504);
        assertThat(reply.json().path("error").path("message").asText()).contains("300 ms");
        assertThat(gateway.awaitSingleTraceDetail().status()).isEqualTo(504);
    }

    @Test
    void answers502WhenTheProviderRefusesTheConnection() {
        Reply reply = gateway.call(gateway.post("/v1/chat/completions",
                        "{\"model\":\"gpt-4o\",\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}")
                .header("x-portkey-provider", "openai").header("x-portkey-custom-host", "http://127.0.0.1:1/v1"));

        assertThat(reply.status()).isEqualTo(502);
        assertThat(reply.json().path("error").path("message").asText()).contains("Could not reach the provider");
        assertThat(gateway.awaitSingleTraceDetail().error()).contains("Could not reach the provider");
    }

    @Test
    void tellsTheClientWhenTheStreamBreaksMidway() {
        upstream.enqueue(new MockResponse.Builder().addHeader("content-type", "text/event-stream")
                .chunkedBody("data: {\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"m\","
                        + "\"choices\":[{\"index\":0,\"delta\":{\"content\":\"Hel\"},\"finish_reason\":null}]}\n\n", 1024)
                .onResponseEnd(new SocketEffect.CloseSocket(true, false, false))
                .build());

        Reply reply = gateway.call(gateway.post("/v1/chat/completions",
                        "{\"model\":\"m\",\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}")
                .header("x-portkey-provider", "openai").header("x-portkey-custom-host", host()));

        assertThat(reply.body()).contains("\"content\":\"Hel\"").contains("\"error\"").doesNotContain("[DONE]");
        Trace trace = gateway.awaitSingleTraceDetail();
        assertThat(trace.ok()).isFalse();
        assertThat(trace.error()).isNotBlank();
    }

    @Test
    void forwardsEmbeddings() throws Exception {
        upstream.enqueue(new MockResponse.Builder().addHeader("content-type", "application/json").body("""
                {"object":"list","data":[{"object":"embedding","index":0,"embedding":[0.1,0.2]}],
                 "model":"text-embedding-3-small","usage":{"prompt_tokens":4,"total_tokens":4}}""").build());

        Reply reply = gateway.call(gateway.post("/v1/embeddings",
                        "{\"model\":\"text-embedding-3-small\",\"input\":\"hello world\"}")
                .header("x-portkey-provider", "openai").header("x-portkey-custom-host", host()));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().path("data").path(0).path("embedding").size()).isEqualTo(2);
        assertThat(upstream.takeRequest(5, TimeUnit.SECONDS).getUrl().encodedPath()).isEqualTo("/v1/embeddings");
        Trace trace = gateway.awaitSingleTraceDetail();
        assertThat(trace.endpoint()).isEqualTo("embeddings");
        assertThat(trace.inputTokens()).isEqualTo(4);
        assertThat(trace.costUsd()).isNotNull();
    }

    @Test
    void takesTheSingleTargetConfigFromThePortkeyConfigHeader() throws Exception {
        upstream.enqueue(new MockResponse.Builder().body(COMPLETION).build());

        Reply reply = gateway.call(gateway.post("/v1/chat/completions",
                        "{\"model\":\"gpt-4o\",\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}")
                .header("x-portkey-config", "{\"provider\":\"openai\",\"api_key\":\"sk-from-config\","
                        + "\"custom_host\":\"" + host() + "\"}"));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(upstream.takeRequest(5, TimeUnit.SECONDS).getHeaders().get("Authorization"))
                .isEqualTo("Bearer sk-from-config");
        Trace trace = gateway.awaitSingleTraceDetail();
        assertThat(trace.requestHeaders().get("x-portkey-config")).doesNotContain("sk-from-config")
                .contains("[redacted]");
    }
}
