package dev.switchboard.gateway.mock;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.gateway.provider.SseEvent;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class GeminiMockTest {
    static final String HELLO = "\"contents\":[{\"role\":\"user\",\"parts\":[{\"text\":\"Hello Gemini\"}]}]";
    static final String SEARCH_TOOL = """
            [{"functionDeclarations":[{"name":"search_docs","description":"Search the docs","parameters":{
              "type":"object","properties":{"query":{"type":"string"},"limit":{"type":"integer"}},
              "required":["query"]}}]}]""";

    static MockProvider mock;

    @BeforeAll
    static void start() {
        mock = MockProvider.start(MockOptions.defaults());
    }

    @AfterAll
    static void stop() {
        mock.close();
    }

    static MockHttp.Result generate(String modelAndQuery, String json) {
        return MockHttp.post(mock.baseUrl() + "/v1beta/models/" + modelAndQuery, json, "x-goog-api-key", "AIza-mock");
    }

    @Test
    void generateContentHasACandidateAndUsageMetadata() {
        JsonNode body = generate("gemini-2.0-flash:generateContent", "{" + HELLO + "}").json();

        JsonNode candidate = body.path("candidates").path(0);
        assertThat(candidate.path("content").path("role").asText()).isEqualTo("model");
        assertThat(candidate.path("content").path("parts").path(0).path("text").asText()).isNotBlank();
        assertThat(candidate.path("finishReason").asText()).isEqualTo("STOP");
        JsonNode usage = body.path("usageMetadata");
        assertThat(usage.path("promptTokenCount").asInt()).isPositive();
        assertThat(usage.path("candidatesTokenCount").asInt()).isBetween(30, 50);
        assertThat(usage.path("totalTokenCount").asInt())
                .isEqualTo(usage.path("promptTokenCount").asInt() + usage.path("candidatesTokenCount").asInt());
        assertThat(body.path("modelVersion").asText()).isEqualTo("gemini-2.0-flash");
    }

    @Test
    void streamSendsOneResponsePerEventWithFinishAndUsageLast() {
        MockHttp.Result result = generate("gemini-2.5-pro:streamGenerateContent?alt=sse", "{" + HELLO + "}");

        assertThat(result.headers().get("Content-Type")).startsWith("text/event-stream");
        List<SseEvent> events = result.events();
        assertThat(events).hasSizeGreaterThan(1).allSatisfy(event -> assertThat(event.event()).isNull());
        List<JsonNode> chunks = MockHttp.jsonData(events);
        assertThat(chunks.subList(0, chunks.size() - 1))
                .allSatisfy(chunk -> assertThat(chunk.path("candidates").path(0).has("finishReason")).isFalse());
        JsonNode last = chunks.getLast();
        assertThat(last.path("candidates").path(0).path("finishReason").asText()).isEqualTo("STOP");
        assertThat(last.path("usageMetadata").path("candidatesTokenCount").asInt()).isEqualTo(chunks.size());
        assertThat(last.path("modelVersion").asText()).isEqualTo("gemini-2.5-pro");
        String streamed = chunks.stream()
                .map(chunk -> chunk.path("candidates").path(0).path("content").path("parts").path(0).path("text").asText())
                .collect(Collectors.joining());
        String whole = generate("gemini-2.5-pro:generateContent", "{" + HELLO + "}").json()
                .path("candidates").path(0).path("content").path("parts").path(0).path("text").asText();
        assertThat(streamed).isEqualTo(whole);
    }

    @Test
    void maxOutputTokensEndsWithMaxTokens() {
        JsonNode body = generate("gemini-2.0-flash:generateContent",
                "{" + HELLO + ",\"generationConfig\":{\"maxOutputTokens\":3}}").json();

        assertThat(body.path("candidates").path(0).path("finishReason").asText()).isEqualTo("MAX_TOKENS");
        assertThat(body.path("usageMetadata").path("candidatesTokenCount").asInt()).isEqualTo(3);
    }

    @Test
    void userTurnWithToolsGetsAFunctionCall() {
        JsonNode body = generate("gemini-2.0-flash:generateContent", "{\"tools\":" + SEARCH_TOOL + "," + HELLO + "}")
                .json();

        JsonNode part = body.path("candidates").path(0).path("content").path("parts").path(0);
        assertThat(part.path("functionCall").path("name").asText()).isEqualTo("search_docs");
        assertThat(part.path("functionCall").path("args").path("query").asText()).isNotBlank();
        assertThat(part.path("functionCall").path("args").has("limit")).isFalse();
    }

    @Test
    void keyIsAcceptedFromQueryParameter() {
        MockHttp.Result result = MockHttp.post(
                mock.baseUrl() + "/v1beta/models/gemini-2.0-flash:generateContent?key=AIza-mock", "{" + HELLO + "}");

        assertThat(result.status()).isEqualTo(200);
    }

    @Test
    void missingKeyIsPermissionDeniedInGoogleErrorShape() {
        MockHttp.Result result = MockHttp.post(
                mock.baseUrl() + "/v1beta/models/gemini-2.0-flash:generateContent", "{" + HELLO + "}");

        assertThat(result.status()).isEqualTo(403);
        JsonNode error = result.json().path("error");
        assertThat(error.path("code").asInt()).isEqualTo(403);
        assertThat(error.path("status").asText()).isEqualTo("PERMISSION_DENIED");
        assertThat(error.path("message").asText()).contains("API Key");
    }

    @Test
    void unknownMethodIsNotFound() {
        MockHttp.Result result = generate("gemini-2.0-flash:countTokens", "{" + HELLO + "}");

        assertThat(result.status()).isEqualTo(404);
        assertThat(result.json().path("error").path("status").asText()).isEqualTo("NOT_FOUND");
    }
}
