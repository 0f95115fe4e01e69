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

/** The real HTTP exchange with an Anthropic-speaking upstream, through the gateway. */
class AnthropicProxyTest {
    private static final String TOOLS_REQUEST = """
            {"model":"claude-sonnet-4-5","messages":[{"role":"system","content":"Be brief"},
             {"role":"user","content":"Weather in Paris?"}],
             "tools":[{"type":"function","function":{"name":"get_weather","parameters":{"type":"object",
               "properties":{"city":{"type":"string"}},"required":["city"]}}}],"tool_choice":"auto"}""";

    @StartStop
    private final MockWebServer upstream = new MockWebServer();
    @RegisterExtension
    final TestGateway gateway = new TestGateway();

    private TestGateway.Reply send(String body) {
        return gateway.call(gateway.post("/v1/chat/completions", body)
                .header("Authorization", "Bearer sk-ant-secret")
                .header("x-portkey-provider", "anthropic")
                .header("x-portkey-custom-host", upstream.url("/v1").toString()));
    }

    @Test
    void translatesAToolCallRoundTrip() throws Exception {
        upstream.enqueue(new MockResponse.Builder().addHeader("content-type", "application/json").body("""
                {"id":"msg_01","type":"message","role":"assistant","model":"claude-sonnet-4-5-20250929",
                 "content":[{"type":"text","text":"Checking."},
                            {"type":"tool_use","id":"toolu_01","name":"get_weather","input":{"city":"Paris"}}],
                 "stop_reason":"tool_use","stop_sequence":null,
                 "usage":{"input_tokens":50,"output_tokens":20,"cache_read_input_tokens":10}}""").build());

        Reply reply = send(TOOLS_REQUEST);

        assertThat(reply.status()).isEqualTo(200);
        JsonNode choice = reply.json().path("choices").path(0);
        assertThat(choice.path("finish_reason").asText()).isEqualTo("tool_calls");
        JsonNode call = choice.path("message").path("tool_calls").path(0);
        assertThat(call.path("id").asText()).isEqualTo("toolu_01");
        assertThat(Json.read(call.path("function").path("arguments").asText()).path("city").asText())
                .isEqualTo("Paris");
        assertThat(reply.json().path("usage").path("prompt_tokens").asInt()).isEqualTo(60);

        RecordedRequest sent = upstream.takeRequest(5, TimeUnit.SECONDS);
        assertThat(sent.getUrl().encodedPath()).isEqualTo("/v1/messages");
        assertThat(sent.getHeaders().get("x-api-key")).isEqualTo("sk-ant-secret");
        assertThat(sent.getHeaders().get("anthropic-version")).isEqualTo("2023-06-01");
        JsonNode body = Json.read(sent.getBody().utf8());
        assertThat(body.path("system").toString()).contains("Be brief");
        assertThat(body.path("max_tokens").asInt()).isPositive();
        assertThat(body.path("tools").path(0).path("input_schema").path("required").path(0).asText())
                .isEqualTo("city");

        Trace trace = gateway.awaitSingleTraceDetail();
        assertThat(trace.provider()).isEqualTo("anthropic");
        assertThat(trace.inputTokens()).isEqualTo(60);
        assertThat(trace.cachedTokens()).isEqualTo(10);
        assertThat(trace.costUsd()).isNotNull();
        assertThat(trace.finishReason()).isEqualTo("tool_calls");
    }

    @Test
    void relaysAStreamAsOpenAiChunks() {
        upstream.enqueue(new MockResponse.Builder().addHeader("content-type", "text/event-stream").body("""
                event: message_start
                data: {"type":"message_start","message":{"id":"msg_02","type":"message","role":"assistant","model":"claude-sonnet-4-5","content":[],"stop_reason":null,"usage":{"input_tokens":12,"output_tokens":1}}}

                event: content_block_start
                data: {"type":"content_block_start","index":0,"content_block":{"type":"text","text":""}}

                event: ping
                data: {"type":"ping"}

                event: content_block_delta
                data: {"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"Bonjour"}}

                event: content_block_stop
                data: {"type":"content_block_stop","index":0}

                event: message_delta
                data: {"type":"message_delta","delta":{"stop_reason":"end_turn","stop_sequence":null},"usage":{"output_tokens":3}}

                event: message_stop
                data: {"type":"message_stop"}

                """).build());

        Reply reply = send("{\"model\":\"claude-sonnet-4-5\",\"stream\":true,"
                + "\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}");

        assertThat(reply.body()).contains("\"content\":\"Bonjour\"", "\"finish_reason\":\"stop\"", "\"id\":\"msg_02\"")
                .endsWith("data: [DONE]\n\n").doesNotContain("\"choices\":[]");
        Trace trace = gateway.awaitSingleTraceDetail();
        assertThat(trace.inputTokens()).isEqualTo(12);
        assertThat(trace.outputTokens()).isEqualTo(3);
        assertThat(trace.tokensEstimated()).isFalse();
        assertThat(trace.error()).isNull();
    }

    @Test
    void passesAnErrorEventMidStreamToTheClient() {
        upstream.enqueue(new MockResponse.Builder().addHeader("content-type", "text/event-stream").body("""
                event: message_start
                data: {"type":"message_start","message":{"id":"msg_03","type":"message","role":"assistant","model":"claude-sonnet-4-5","content":[],"usage":{"input_tokens":5,"output_tokens":1}}}

                event: error
                data: {"type":"error","error":{"type":"overloaded_error","message":"Overloaded"}}

                """).build());

        Reply reply = send("{\"model\":\"claude-sonnet-4-5\",\"stream\":true,"
                + "\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}");

        assertThat(reply.body()).contains("Overloaded").doesNotContain("[DONE]");
        assertThat(gateway.awaitSingleTraceDetail().error()).contains("Overloaded");
    }

    @Test
    void normalisesAnthropicErrorsIntoOpenAiShape() {
        upstream.enqueue(new MockResponse.Builder().code(400).addHeader("content-type", "application/json").body("""
                {"type":"error","error":{"type":"invalid_request_error","message":"max_tokens: must be positive"}}""")
                .build());

        Reply reply = send("{\"model\":\"claude-sonnet-4-5\",\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().path("error").path("message").asText()).isEqualTo("max_tokens: must be positive");
        assertThat(reply.json().path("error").path("type").asText()).isEqualTo("invalid_request_error");
    }
}
