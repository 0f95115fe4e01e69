package dev.switchboard.app.traces;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.app.FakeGatewayClient;
import dev.switchboard.gateway.trace.Trace;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The conversation, cURL and export renderings of a trace. */
class TraceFormattingTest {

    @Test
    void readsAConversationWithToolCallsAndToolResults() {
        String request = """
                {"model":"gpt-4o","messages":[
                  {"role":"system","content":"Be brief."},
                  {"role":"user","content":[{"type":"text","text":"Weather in Paris?"},
                                             {"type":"image_url","image_url":{"url":"https://x/y.png"}}]},
                  {"role":"assistant","content":null,"tool_calls":[{"id":"call_1","type":"function",
                     "function":{"name":"weather","arguments":"{\\"city\\":\\"Paris\\"}"}}]},
                  {"role":"tool","tool_call_id":"call_1","content":"{\\"temp\\":21}"}]}""";
        String response = """
                {"choices":[{"index":0,"message":{"role":"assistant","content":"21 degrees."}}]}""";

        List<ChatMessage> chat = Conversation.of("chat.completions", request, response);

        assertThat(chat).extracting(ChatMessage::role)
                .containsExactly("system", "user", "assistant", "tool", "assistant");
        assertThat(chat.get(1).text()).contains("Weather in Paris?").contains("[image] https://x/y.png");
        assertThat(chat.get(2).toolCalls()).singleElement().satisfies(call -> {
            assertThat(call.name()).isEqualTo("weather");
            assertThat(call.arguments()).contains("\"city\" : \"Paris\"");
        });
        assertThat(chat.get(3).toolCallId()).isEqualTo("call_1");
        assertThat(chat.get(4).text()).isEqualTo("21 degrees.");
    }

    @Test
    void showsAnErrorAnswerAsAnErrorTurn() {
        List<ChatMessage> chat = Conversation.of("chat.completions",
                "{\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}",
                "{\"error\":{\"message\":\"Rate limited\"}}");

        assertThat(chat).extracting(ChatMessage::role).containsExactly("user", "error");
        assertThat(chat.getLast().text()).isEqualTo("Rate limited");
    }

    @Test
    void curlReplaysThroughTheGatewayWithoutAnySecret() {
        Trace t = FakeGatewayClient.trace("t1", Instant.now(), "gpt-4o", 200);
        Trace withHeaders = new Trace(t.id(), null, t.startedAt(), 1, null, 200, "openai", "gpt-4o",
                "chat.completions", false, 1, 1, null, null, false, null, null, Map.of(), null, null, null, null,
                null, null, "{\"model\":\"gpt-4o\",\"messages\":[{\"role\":\"user\",\"content\":\"it's\"}]}",
                null, Map.of("authorization", "[redacted]", "x-portkey-provider", "openai",
                        "x-portkey-config", "{\"api_key\":\"[redacted]\"}", "cookie", "[redacted]"), List.of(), null);

        String curl = CurlCommand.of(withHeaders, "http://127.0.0.1:8787");

        assertThat(curl).startsWith("curl 'http://127.0.0.1:8787/v1/chat/completions'")
                .contains("$OPENAI_API_KEY").contains("x-portkey-provider: openai")
                .contains("it'\\''s")
                .doesNotContain("redacted").doesNotContain("cookie").doesNotContain("x-portkey-config");
    }

    @Test
    void csvHasOneColumnPerMetadataKeyAndEscapesFields() {
        Trace a = FakeGatewayClient.trace("a", Instant.parse("2026-01-01T00:00:00Z"), "gpt-4o", 200);
        Trace b = new Trace("b", null, a.startedAt(), 5, null, 500, "openai", "gpt,4o", "chat.completions", false,
                null, null, null, null, false, null, null, Map.of("use_case", "=cmd"), "bad \"quote\"", null, null,
                null, null, null, null, null, null, null, null);

        String csv = TraceExport.csv(List.of(a, b));

        String[] lines = csv.split("\r\n");
        assertThat(lines[0]).endsWith("client_trace_id,cache_status,cost_saved_usd,api_key_name,metadata.team,metadata.use_case");
        assertThat(lines[2]).contains("\"gpt,4o\"").contains("\"bad \"\"quote\"\"\"").endsWith(",,'=cmd");
    }
}
