package dev.switchboard.gateway.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.gateway.Json;
import dev.switchboard.gateway.TestGateway;
import dev.switchboard.gateway.trace.Trace;
import java.nio.file.Path;
import java.util.List;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The official {@code openai} npm package, unmodified, talking to the gateway. */
class OpenAiNodeSdkTest {
    @StartStop
    private final MockWebServer upstream = new MockWebServer();
    @TempDir
    Path dataDir;

    @Test
    void completesStreamsAndEmbedsThroughTheGateway() throws Exception {
        upstream.setDispatcher(new OpenAiLikeUpstream());
        NodeSdk.install();
        try (TestGateway gateway = new TestGateway(dataDir)) {
            JsonNode result = Json.read(NodeSdk.runScript("openai-sdk.mjs", gateway.gateway().baseUrl(),
                    upstream.url("/v1").toString()));

            assertThat(result.path("completion").asText()).isEqualTo("Hello from upstream");
            assertThat(result.path("usage").path("total_tokens").asInt()).isEqualTo(7);
            assertThat(result.path("streamed").asText()).isEqualTo("Hello stream");
            assertThat(result.path("chunks").asInt()).as("the hidden usage chunk never reaches the SDK").isEqualTo(2);
            assertThat(result.path("embeddingLength").asInt()).isEqualTo(3);
            assertThat(result.path("error").path("status").asInt()).isEqualTo(400);
            assertThat(result.path("error").path("message").asText()).contains("messages");

            List<Trace> traces = gateway.awaitTraces(4);
            assertThat(traces).extracting(Trace::endpoint)
                    .containsExactlyInAnyOrder("chat.completions", "chat.completions", "embeddings", "chat.completions");
            assertThat(traces).allSatisfy(t -> assertThat(t.metadata()).containsEntry("client", "openai-node"));
        }
    }

    /** Answers like OpenAI: a completion, a stream with a usage chunk, and an embedding. */
    private static final class OpenAiLikeUpstream extends Dispatcher {
        @Override
        public MockResponse dispatch(RecordedRequest request) {
            if (request.getUrl().encodedPath().endsWith("/embeddings")) {
                return json("""
                        {"object":"list","data":[{"object":"embedding","index":0,"embedding":[0.1,0.2,0.3]}],
                         "model":"text-embedding-3-small","usage":{"prompt_tokens":1,"total_tokens":1}}""");
            }
            if (Json.read(request.getBody().utf8()).path("stream").asBoolean()) {
                return new MockResponse.Builder().addHeader("content-type", "text/event-stream").body("""
                        data: {"id":"s","object":"chat.completion.chunk","created":1,"model":"gpt-4o-mini","choices":[{"index":0,"delta":{"role":"assistant","content":"Hello"},"finish_reason":null}]}

                        data: {"id":"s","object":"chat.completion.chunk","created":1,"model":"gpt-4o-mini","choices":[{"index":0,"delta":{"content":" stream"},"finish_reason":"stop"}]}

                        data: {"id":"s","object":"chat.completion.chunk","created":1,"model":"gpt-4o-mini","choices":[],"usage":{"prompt_tokens":5,"completion_tokens":2,"total_tokens":7}}

                        data: [DONE]

                        """).build();
            }
            return json("""
                    {"id":"c","object":"chat.completion","created":1,"model":"gpt-4o-mini",
                     "choices":[{"index":0,"message":{"role":"assistant","content":"Hello from upstream"},"finish_reason":"stop"}],
                     "usage":{"prompt_tokens":5,"completion_tokens":2,"total_tokens":7}}""");
        }

        private static MockResponse json(String body) {
            return new MockResponse.Builder().addHeader("content-type", "application/json").body(body).build();
        }
    }
}
