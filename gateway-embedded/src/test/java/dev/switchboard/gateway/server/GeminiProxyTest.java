package dev.switchboard.gateway.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.gateway.Json;
import dev.switchboard.gateway.TestGateway;
import dev.switchboard.gateway.TestGateway.Reply;
import dev.switchboard.gateway.trace.Trace;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The real HTTP exchange with a Gemini-speaking upstream, through the gateway. */
class GeminiProxyTest {
    @StartStop
    private final MockWebServer upstream = new MockWebServer();
    @RegisterExtension
    final TestGateway gateway = new TestGateway();

    private Reply send(String path, String body) {
        return gateway.call(gateway.post(path, body)
                .header("Authorization", "Bearer g-secret")
                .header("x-portkey-provider", "google")
                .header("x-portkey-custom-host", upstream.url("/v1beta").toString()));
    }

    @Test
    void translatesAFunctionCallAndKeepsTheKeyOutOfTheUrl() throws Exception {
        upstream.enqueue(new MockResponse.Builder().addHeader("content-type", "application/json").body("""
                {"candidates":[{"content":{"role":"model","parts":[{"functionCall":{"name":"get_weather","args":{"city":"Oslo"}}}]},
                  "finishReason":"STOP","index":0}],
                 "usageMetadata":{"promptTokenCount":30,"candidatesTokenCount":8,"totalTokenCount":38},
                 "modelVersion":"gemini-2.5-flash"}""").build());

        Reply reply = send("/v1/chat/completions", """
                {"model":"gemini-2.5-flash","messages":[{"role":"user","content":"Weather in Oslo?"}],
                 "tools":[{"type":"function","function":{"name":"get_weather","parameters":{"type":"object",
                   "additionalProperties":false,"properties":{"city":{"type":"string"}}}}}]}""");

        assertThat(reply.status()).isEqualTo(200);
        JsonNode choice = reply.json().path("choices").path(0);
        assertThat(choice.path("finish_reason").asText()).isEqualTo("tool_calls");
        assertThat(choice.path("message").path("tool_calls").path(0).path("function").path("name").asText())
                .isEqualTo("get_weather");

        RecordedRequest sent = upstream.takeRequest(5, TimeUnit.SECONDS);
        assertThat(sent.getUrl().encodedPath()).isEqualTo("/v1beta/models/gemini-2.5-flash:generateContent");
        assertThat(sent.getUrl().toString()).doesNotContain("g-secret");
        assertThat(sent.getHeaders().get("x-goog-api-key")).isEqualTo("g-secret");
        assertThat(sent.getBody().utf8()).doesNotContain("additionalProperties");

        Trace trace = gateway.awaitSingleTraceDetail();
        assertThat(trace.provider()).isEqualTo("google");
        assertThat(trace.inputTokens()).isEqualTo(30);
        assertThat(trace.outputTokens()).isEqualTo(8);
        assertThat(trace.spans().getFirst().url()).doesNotContain("g-secret");
    }

    @Test
    void relaysAStreamAndEndsItWithDone() throws Exception {
        upstream.enqueue(new MockResponse.Builder().addHeader("content-type", "text/event-stream").body(
                "data: {\"candidates\":[{\"content\":{\"role\":\"model\",\"parts\":[{\"text\":\"Hel\"}]},\"index\":0}],"
                        + "\"usageMetadata\":{\"promptTokenCount\":4,\"candidatesTokenCount\":1}}\r\n\r\n"
                        + "data: {\"candidates\":[{\"content\":{\"role\":\"model\",\"parts\":[{\"text\":\"lo\"}]},"
                        + "\"finishReason\":\"STOP\",\"index\":0}],"
                        + "\"usageMetadata\":{\"promptTokenCount\":4,\"candidatesTokenCount\":2,\"totalTokenCount\":6}}\r\n\r\n")
                .build());

        Reply reply = send("/v1/chat/completions", "{\"model\":\"gemini-2.5-flash\",\"stream\":true,"
                + "\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}");

        assertThat(reply.body()).contains("\"content\":\"Hel\"", "\"content\":\"lo\"", "\"finish_reason\":\"stop\"")
                .endsWith("data: [DONE]\n\n");
        assertThat(upstream.takeRequest(5, TimeUnit.SECONDS).getUrl().toString())
                .contains(":streamGenerateContent").contains("alt=sse");
        Trace trace = gateway.awaitSingleTraceDetail();
        assertThat(trace.outputTokens()).isEqualTo(2);
        assertThat(trace.ttftMs()).isNotNull();
    }

    @Test
    void reportsAStreamCutBeforeItsFinishReason() {
        upstream.enqueue(new MockResponse.Builder().addHeader("content-type", "text/event-stream").body(
                "data: {\"candidates\":[{\"content\":{\"role\":\"model\",\"parts\":[{\"text\":\"Hel\"}]},\"index\":0}]}\r\n\r\n")
                .build());

        Reply reply = send("/v1/chat/completions", "{\"model\":\"gemini-2.5-flash\",\"stream\":true,"
                + "\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}");

        assertThat(reply.body()).contains("ended before it was complete").doesNotContain("[DONE]");
        assertThat(gateway.awaitSingleTraceDetail().ok()).isFalse();
    }

    @Test
    void translatesEmbeddings() throws Exception {
        upstream.enqueue(new MockResponse.Builder().addHeader("content-type", "application/json").body("""
                {"embeddings":[{"values":[0.5,0.25]},{"values":[0.125,1.0]}]}""").build());

        Reply reply = send("/v1/embeddings", "{\"model\":\"gemini-embedding-001\",\"input\":[\"a\",\"b\"]}");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().path("data")).hasSize(2);
        assertThat(reply.json().path("data").path(1).path("embedding").path(1).asDouble()).isEqualTo(1.0);
        assertThat(upstream.takeRequest(5, TimeUnit.SECONDS).getUrl().encodedPath())
                .isEqualTo("/v1beta/models/gemini-embedding-001:batchEmbedContents");
    }
}
