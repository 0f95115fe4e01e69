package dev.switchboard.gateway.mock;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.gateway.Json;
import dev.switchboard.gateway.provider.SseEvent;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class AnthropicMockTest {
    static final String WEATHER_TOOL = """
            [{"name":"get_weather","description":"Weather for a place","input_schema":{"type":"object",
              "properties":{"location":{"type":"string"},"unit":{"type":"string","enum":["celsius","fahrenheit"]}},
              "required":["location","unit"]}}]""";
    static final String HELLO = "\"messages\":[{\"role\":\"user\",\"content\":\"Hello Claude\"}]";

    static MockProvider mock;

    @BeforeAll
    static void start() {
        mock = MockProvider.start(MockOptions.defaults());
    }

    @AfterAll
    static void stop() {
        mock.close();
    }

    static MockHttp.Result messages(String json) {
        return MockHttp.post(mock.baseUrl() + "/v1/messages", json,
                "x-api-key", "sk-ant-mock", "anthropic-version", "2023-06-01");
    }

    @Test
    void messageHasTextContentStopReasonAndUsage() {
        JsonNode body = messages("{\"model\":\"claude-sonnet-4-5\",\"max_tokens\":1024," + HELLO + "}").json();

        assertThat(body.path("type").asText()).isEqualTo("message");
        assertThat(body.path("id").asText()).startsWith("msg_");
        assertThat(body.path("role").asText()).isEqualTo("assistant");
        assertThat(body.path("model").asText()).isEqualTo("claude-sonnet-4-5");
        assertThat(body.path("content").path(0).path("type").asText()).isEqualTo("text");
        assertThat(body.path("content").path(0).path("text").asText()).isNotBlank();
        assertThat(body.path("stop_reason").asText()).isEqualTo("end_turn");
        assertThat(body.path("usage").path("input_tokens").asInt()).isPositive();
        assertThat(body.path("usage").path("output_tokens").asInt()).isBetween(30, 50);
    }

    @Test
    void streamFollowsAnthropicsEventSequence() {
        MockHttp.Result result = messages("{\"model\":\"claude-sonnet-4-5\",\"max_tokens\":1024,\"stream\":true,"
                + HELLO + "}");

        assertThat(result.headers().get("Content-Type")).startsWith("text/event-stream");
        List<SseEvent> events = result.events();
        List<String> names = events.stream().map(SseEvent::event).toList();
        assertThat(names.subList(0, 3)).containsExactly("message_start", "content_block_start", "ping");
        assertThat(names.subList(3, names.size() - 3)).isNotEmpty().containsOnly("content_block_delta");
        assertThat(names.subList(names.size() - 3, names.size()))
                .containsExactly("content_block_stop", "message_delta", "message_stop");
        assertThat(events).allSatisfy(event ->
                assertThat(Json.read(event.data()).path("type").asText()).isEqualTo(event.event()));

        JsonNode start = Json.read(events.getFirst().data()).path("message");
        assertThat(start.path("model").asText()).isEqualTo("claude-sonnet-4-5");
        assertThat(start.path("content")).isEmpty();
        assertThat(start.path("usage").path("input_tokens").asInt()).isPositive();
        String text = events.stream().filter(e -> "content_block_delta".equals(e.event()))
                .map(e -> Json.read(e.data()).path("delta"))
                .peek(delta -> assertThat(delta.path("type").asText()).isEqualTo("text_delta"))
                .map(delta -> delta.path("text").asText())
                .collect(Collectors.joining());
        String whole = messages("{\"model\":\"claude-sonnet-4-5\",\"max_tokens\":1024," + HELLO + "}").json()
                .path("content").path(0).path("text").asText();
        assertThat(text).isEqualTo(whole);
        JsonNode messageDelta = Json.read(events.get(events.size() - 2).data());
        assertThat(messageDelta.path("delta").path("stop_reason").asText()).isEqualTo("end_turn");
        assertThat(messageDelta.path("usage").path("output_tokens").asInt()).isEqualTo(names.size() - 6);
    }

    @Test
    void maxTokensStopsWithStopReasonMaxTokens() {
        JsonNode body = messages("{\"model\":\"claude-haiku-4-5\",\"max_tokens\":4," + HELLO + "}").json();

        assertThat(body.path("stop_reason").asText()).isEqualTo("max_tokens");
        assertThat(body.path("usage").path("output_tokens").asInt()).isEqualTo(4);
    }

    @Test
    void userTurnWithToolsGetsAToolUseBlockWithObjectInput() {
        JsonNode body = messages("{\"model\":\"claude-sonnet-4-5\",\"max_tokens\":1024,\"tools\":" + WEATHER_TOOL
                + "," + HELLO + "}").json();

        assertThat(body.path("stop_reason").asText()).isEqualTo("tool_use");
        JsonNode block = body.path("content").path(0);
        assertThat(block.path("type").asText()).isEqualTo("tool_use");
        assertThat(block.path("id").asText()).startsWith("toolu_");
        assertThat(block.path("name").asText()).isEqualTo("get_weather");
        assertThat(block.path("input").isObject()).isTrue();
        assertThat(block.path("input").path("location").asText()).isEqualTo("Paris");
        assertThat(block.path("input").path("unit").asText()).isEqualTo("celsius");
    }

    @Test
    void streamedToolUseSendsInputAsPartialJson() {
        List<SseEvent> events = messages("{\"model\":\"claude-sonnet-4-5\",\"max_tokens\":1024,\"stream\":true,"
                + "\"tools\":" + WEATHER_TOOL + "," + HELLO + "}").events();

        JsonNode blockStart = Json.read(events.get(1).data()).path("content_block");
        assertThat(blockStart.path("type").asText()).isEqualTo("tool_use");
        assertThat(blockStart.path("name").asText()).isEqualTo("get_weather");
        assertThat(blockStart.path("input")).isEmpty();
        String input = events.stream().filter(e -> "content_block_delta".equals(e.event()))
                .map(e -> Json.read(e.data()).path("delta"))
                .peek(delta -> assertThat(delta.path("type").asText()).isEqualTo("input_json_delta"))
                .map(delta -> delta.path("partial_json").asText())
                .collect(Collectors.joining());
        assertThat(Json.read(input).path("location").asText()).isEqualTo("Paris");
        assertThat(Json.read(events.get(events.size() - 2).data()).path("delta").path("stop_reason").asText())
                .isEqualTo("tool_use");
    }

    @Test
    void toolResultGetsTextBack() {
        String conversation = """
                "messages":[{"role":"user","content":"Weather?"},
                  {"role":"assistant","content":[{"type":"tool_use","id":"toolu_1","name":"get_weather","input":{}}]},
                  {"role":"user","content":[{"type":"tool_result","tool_use_id":"toolu_1","content":"sunny"}]}]""";

        JsonNode body = messages("{\"model\":\"claude-sonnet-4-5\",\"max_tokens\":1024,\"tools\":" + WEATHER_TOOL
                + "," + conversation + "}").json();

        assertThat(body.path("stop_reason").asText()).isEqualTo("end_turn");
        assertThat(body.path("content").path(0).path("type").asText()).isEqualTo("text");
    }

    @Test
    void missingApiKeyIsAnAuthenticationError() {
        MockHttp.Result result = MockHttp.post(mock.baseUrl() + "/v1/messages",
                "{\"model\":\"claude-sonnet-4-5\",\"max_tokens\":10," + HELLO + "}", "anthropic-version", "2023-06-01");

        assertThat(result.status()).isEqualTo(401);
        JsonNode body = result.json();
        assertThat(body.path("type").asText()).isEqualTo("error");
        assertThat(body.path("error").path("type").asText()).isEqualTo("authentication_error");
        assertThat(body.path("error").path("message").asText()).contains("x-api-key");
    }

    @Test
    void missingVersionHeaderOrMaxTokensIsAnInvalidRequest() {
        MockHttp.Result noVersion = MockHttp.post(mock.baseUrl() + "/v1/messages",
                "{\"model\":\"claude-sonnet-4-5\",\"max_tokens\":10," + HELLO + "}", "x-api-key", "sk-ant-mock");
        MockHttp.Result noMaxTokens = messages("{\"model\":\"claude-sonnet-4-5\"," + HELLO + "}");

        assertThat(noVersion.status()).isEqualTo(400);
        assertThat(noVersion.json().path("error").path("type").asText()).isEqualTo("invalid_request_error");
        assertThat(noVersion.json().path("error").path("message").asText()).contains("anthropic-version");
        assertThat(noMaxTokens.status()).isEqualTo(400);
        assertThat(noMaxTokens.json().path("error").path("message").asText()).contains("max_tokens");
    }
}
