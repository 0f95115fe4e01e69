package dev.switchboard.app.playground;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.gateway.Json;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;

/** What the playground sends to the gateway, and how it reads streams and errors back. */
class GatewayChatStreamerTest {
    @StartStop
    private final MockWebServer gateway = new MockWebServer();
    private final OkHttpClient http = new OkHttpClient();

    private final ChatStreamer streamer = new GatewayChatStreamer(() -> gateway.url("").toString()
            .replaceAll("/$", ""), () -> http);

    /** Collects a call's events; {@code end} completes with "done <trace>" or "error <message>". */
    private static final class Collector implements ChatStreamer.Listener {
        final List<String> deltas = new CopyOnWriteArrayList<>();
        final CompletableFuture<String> end = new CompletableFuture<>();
        volatile String usage;

        @Override
        public void onDelta(String text) {
            deltas.add(text);
        }

        @Override
        public void onUsage(int inputTokens, int outputTokens) {
            usage = inputTokens + "/" + outputTokens;
        }

        @Override
        public void onComplete(String traceId) {
            end.complete("done " + traceId);
        }

        @Override
        public void onError(String message, String traceId) {
            end.complete("error " + message);
        }
    }

    /** A saved prompt's settings: its temperature loses to the target's, its response format goes along. */
    private static ChatStreamer.Request request(String virtualKey) {
        return new ChatStreamer.Request(new Target("anthropic", "claude-3-5-haiku-20241022", "http://mock/v1",
                virtualKey, 0.2, 50), List.of(new Message("user", "Hi")),
                Map.of("source", "playground", "experiment_id", "exp-1"),
                Map.of("temperature", 0.9, "response_format", Map.of("type", "json_object")));
    }

    @Test
    void streamsTextAndUsageAndSendsTargetParametersAndMetadata() throws Exception {
        gateway.enqueue(new MockResponse.Builder().addHeader("content-type", "text/event-stream")
                .addHeader("x-portkey-trace-id", "tr-9").body("""
                        data: {"choices":[{"delta":{"role":"assistant","content":"Hel"}}]}

                        data: {"choices":[{"delta":{"content":"lo"}}]}

                        data: {"choices":[],"usage":{"prompt_tokens":12,"completion_tokens":2}}

                        data: [DONE]

                        """).build());
        Collector events = new Collector();

        streamer.stream(request("anthropic-prod"), events);

        assertThat(events.end.get(5, TimeUnit.SECONDS)).isEqualTo("done tr-9");
        assertThat(String.join("", events.deltas)).isEqualTo("Hello");
        assertThat(events.usage).isEqualTo("12/2");
        RecordedRequest sent = gateway.takeRequest(5, TimeUnit.SECONDS);
        assertThat(sent.getUrl().encodedPath()).isEqualTo("/v1/chat/completions");
        assertThat(sent.getHeaders().get("x-portkey-provider")).isEqualTo("anthropic");
        assertThat(sent.getHeaders().get("x-portkey-custom-host")).isEqualTo("http://mock/v1");
        assertThat(sent.getHeaders().get("x-portkey-virtual-key")).isEqualTo("anthropic-prod");
        assertThat(sent.getHeaders().get("Authorization")).isNull();
        assertThat(Json.read(sent.getHeaders().get("x-portkey-metadata")))
                .isEqualTo(Json.read("{\"source\":\"playground\",\"experiment_id\":\"exp-1\"}"));
        JsonNode body = Json.read(sent.getBody().utf8());
        assertThat(body.path("model").asText()).isEqualTo("claude-3-5-haiku-20241022");
        assertThat(body.path("temperature").asDouble()).isEqualTo(0.2);
        assertThat(body.path("max_tokens").asInt()).isEqualTo(50);
        assertThat(body.path("response_format").path("type").asText()).isEqualTo("json_object");
        assertThat(body.path("stream").asBoolean()).isTrue();
        assertThat(body.path("stream_options").path("include_usage").asBoolean()).isTrue();
    }

    @Test
    void aProviderErrorArrivesWithItsStatusAndMessage() throws Exception {
        gateway.enqueue(new MockResponse.Builder().code(429).addHeader("content-type", "application/json")
                .body("{\"error\":{\"message\":\"Rate limit reached for requests\",\"type\":\"rate_limit\"}}")
                .build());
        Collector events = new Collector();

        streamer.stream(request(null), events);

        assertThat(events.end.get(5, TimeUnit.SECONDS)).isEqualTo("error HTTP 429: Rate limit reached for requests");
        assertThat(gateway.takeRequest(5, TimeUnit.SECONDS).getHeaders().get("Authorization"))
                .isEqualTo("Bearer playground-no-key");
    }

    @Test
    void aStreamThatBreaksMidwayEndsWithTheGatewaysErrorEvent() throws Exception {
        gateway.enqueue(new MockResponse.Builder().addHeader("content-type", "text/event-stream").body("""
                data: {"choices":[{"delta":{"content":"Par"}}]}

                data: {"error":{"message":"The provider reported an error mid-stream: reset","type":"api_error"}}

                """).build());
        Collector events = new Collector();

        streamer.stream(request(null), events);

        assertThat(events.end.get(5, TimeUnit.SECONDS))
                .isEqualTo("error The provider reported an error mid-stream: reset");
        assertThat(events.deltas).containsExactly("Par");
    }
}
