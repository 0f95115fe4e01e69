package dev.switchboard.gateway.mock;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.gateway.Json;
import dev.switchboard.gateway.provider.SseEvent;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class OpenAiMockTest {
    static final String WEATHER_TOOL = """
            [{"type":"function","function":{"name":"get_weather","parameters":{"type":"object",
              "properties":{"city":{"type":"string"},"unit":{"type":"string","enum":["celsius","fahrenheit"]},
                            "days":{"type":"integer"},"verbose":{"type":"boolean"}},
              "required":["city","unit","days"]}}}]""";

    static MockProvider mock;

    @BeforeAll
    static void start() {
        mock = MockProvider.start(MockOptions.defaults());
    }

    @AfterAll
    static void stop() {
        mock.close();
    }

    static MockHttp.Result chat(String json) {
        return MockHttp.post(mock.baseUrl() + "/v1/chat/completions", json, "Authorization", "Bearer sk-mock");
    }

    static String userMessage(String text) {
        return "\"messages\":[{\"role\":\"user\",\"content\":" + Json.write(text) + "}]";
    }

    @Test
    void chatCompletionEchoesModelAndReportsUsage() {
        MockHttp.Result result = chat("{\"model\":\"gpt-4o-mini\"," + userMessage("What is a gateway?") + "}");

        assertThat(result.status()).isEqualTo(200);
        assertThat(result.headers().get("Content-Type")).startsWith("application/json");
        JsonNode body = result.json();
        assertThat(body.path("object").asText()).isEqualTo("chat.completion");
        assertThat(body.path("id").asText()).startsWith("chatcmpl-");
        assertThat(body.path("model").asText()).isEqualTo("gpt-4o-mini");
        JsonNode choice = body.path("choices").path(0);
        assertThat(choice.path("message").path("role").asText()).isEqualTo("assistant");
        assertThat(choice.path("message").path("content").asText()).endsWith(".").hasSizeGreaterThan(100);
        assertThat(choice.path("finish_reason").asText()).isEqualTo("stop");
        JsonNode usage = body.path("usage");
        assertThat(usage.path("completion_tokens").asInt()).isBetween(30, 50);
        assertThat(usage.path("prompt_tokens").asInt()).isPositive();
        assertThat(usage.path("total_tokens").asInt())
                .isEqualTo(usage.path("prompt_tokens").asInt() + usage.path("completion_tokens").asInt());
    }

    @Test
    void sameLastMessageGivesSameReplyAndOthersVary() {
        String first = content(chat("{\"model\":\"m\"," + userMessage("hello") + "}"));
        String again = content(chat("{\"model\":\"m\"," + userMessage("hello") + "}"));
        List<String> others = List.of("a", "b", "c", "d").stream()
                .map(text -> content(chat("{\"model\":\"m\"," + userMessage(text) + "}")))
                .toList();

        assertThat(again).isEqualTo(first);
        assertThat(others).doesNotHaveDuplicates();
    }

    @Test
    void maxTokensCutsTheReplyWithFinishReasonLength() {
        JsonNode body = chat("{\"model\":\"m\",\"max_tokens\":5," + userMessage("hello") + "}").json();

        assertThat(body.path("choices").path(0).path("finish_reason").asText()).isEqualTo("length");
        assertThat(body.path("usage").path("completion_tokens").asInt()).isEqualTo(5);
        assertThat(content(body).split(" ")).hasSize(5);
    }

    @Test
    void streamSendsRoleFirstThenContentThenFinishThenUsageThenDone() {
        MockHttp.Result result = chat("{\"model\":\"gpt-4o\",\"stream\":true,\"stream_options\":{\"include_usage\":true},"
                + userMessage("hello") + "}");

        assertThat(result.headers().get("Content-Type")).startsWith("text/event-stream");
        List<SseEvent> events = result.events();
        assertThat(events.getLast().data()).isEqualTo("[DONE]");
        List<JsonNode> chunks = MockHttp.jsonData(events);
        assertThat(chunks).allSatisfy(chunk -> {
            assertThat(chunk.path("object").asText()).isEqualTo("chat.completion.chunk");
            assertThat(chunk.path("model").asText()).isEqualTo("gpt-4o");
            assertThat(chunk.path("id").asText()).isEqualTo(chunks.getFirst().path("id").asText());
        });
        assertThat(chunks.getFirst().path("choices").path(0).path("delta").path("role").asText()).isEqualTo("assistant");
        JsonNode finish = chunks.get(chunks.size() - 2);
        assertThat(finish.path("choices").path(0).path("finish_reason").asText()).isEqualTo("stop");
        JsonNode usageChunk = chunks.getLast();
        assertThat(usageChunk.path("choices").isArray()).isTrue();
        assertThat(usageChunk.path("choices")).isEmpty();
        List<JsonNode> contentChunks = chunks.subList(1, chunks.size() - 2);
        assertThat(contentChunks).allSatisfy(chunk ->
                assertThat(chunk.path("choices").path(0).path("finish_reason").isNull()).isTrue());
        String streamed = contentChunks.stream()
                .map(chunk -> chunk.path("choices").path(0).path("delta").path("content").asText())
                .collect(Collectors.joining());
        assertThat(streamed).isEqualTo(content(chat("{\"model\":\"gpt-4o\"," + userMessage("hello") + "}")));
        assertThat(usageChunk.path("usage").path("completion_tokens").asInt()).isEqualTo(contentChunks.size());
    }

    @Test
    void streamWithoutIncludeUsageEndsWithFinishChunkAndDone() {
        List<JsonNode> chunks = MockHttp.jsonData(
                chat("{\"model\":\"m\",\"stream\":true," + userMessage("hello") + "}").events());

        assertThat(chunks.getLast().path("choices").path(0).path("finish_reason").asText()).isEqualTo("stop");
        assertThat(chunks).noneMatch(chunk -> chunk.has("usage"));
    }

    @Test
    void userTurnWithToolsGetsACallToTheFirstToolWithItsRequiredArguments() {
        JsonNode body = chat("{\"model\":\"m\",\"tools\":" + WEATHER_TOOL + "," + userMessage("Weather in Paris?") + "}")
                .json();

        JsonNode choice = body.path("choices").path(0);
        assertThat(choice.path("finish_reason").asText()).isEqualTo("tool_calls");
        assertThat(choice.path("message").path("content").isNull()).isTrue();
        JsonNode call = choice.path("message").path("tool_calls").path(0);
        assertThat(call.path("id").asText()).startsWith("call_");
        assertThat(call.path("type").asText()).isEqualTo("function");
        assertThat(call.path("function").path("name").asText()).isEqualTo("get_weather");
        JsonNode arguments = Json.read(call.path("function").path("arguments").asText());
        assertThat(arguments.path("city").asText()).isEqualTo("Paris");
        assertThat(arguments.path("unit").asText()).isEqualTo("celsius");
        assertThat(arguments.path("days").isInt()).isTrue();
        assertThat(arguments.has("verbose")).as("only required properties").isFalse();
    }

    @Test
    void streamedToolCallNamesTheCallFirstThenStreamsArgumentFragments() {
        List<JsonNode> chunks = MockHttp.jsonData(chat("{\"model\":\"m\",\"stream\":true,\"tools\":" + WEATHER_TOOL
                + "," + userMessage("Weather?") + "}").events());

        JsonNode first = chunks.getFirst().path("choices").path(0).path("delta").path("tool_calls").path(0);
        assertThat(first.path("index").asInt()).isZero();
        assertThat(first.path("id").asText()).startsWith("call_");
        assertThat(first.path("function").path("name").asText()).isEqualTo("get_weather");
        String arguments = chunks.subList(1, chunks.size() - 1).stream()
                .map(chunk -> chunk.path("choices").path(0).path("delta").path("tool_calls").path(0))
                .peek(call -> assertThat(call.has("id")).isFalse())
                .map(call -> call.path("function").path("arguments").asText())
                .collect(Collectors.joining());
        assertThat(Json.read(arguments).path("city").asText()).isEqualTo("Paris");
        assertThat(chunks.getLast().path("choices").path(0).path("finish_reason").asText()).isEqualTo("tool_calls");
    }

    @Test
    void toolResultGetsTextBackNotAnotherCall() {
        String messages = """
                "messages":[{"role":"user","content":"Weather?"},
                  {"role":"assistant","content":null,"tool_calls":[{"id":"call_1","type":"function",
                    "function":{"name":"get_weather","arguments":"{}"}}]},
                  {"role":"tool","tool_call_id":"call_1","content":"sunny"}]""";

        JsonNode choice = chat("{\"model\":\"m\",\"tools\":" + WEATHER_TOOL + "," + messages + "}").json()
                .path("choices").path(0);

        assertThat(choice.path("finish_reason").asText()).isEqualTo("stop");
        assertThat(choice.path("message").path("content").asText()).isNotBlank();
    }

    @Test
    void embeddingsAreUnitVectorsAsFloatsOrBase64() {
        String url = mock.baseUrl() + "/v1/embeddings";
        JsonNode floats = MockHttp.post(url, """
                {"model":"text-embedding-3-small","input":["hello","world"],"dimensions":8}""").json();
        JsonNode base64 = MockHttp.post(url, """
                {"model":"text-embedding-3-small","input":"hello","encoding_format":"base64"}""").json();

        assertThat(floats.path("object").asText()).isEqualTo("list");
        assertThat(floats.path("model").asText()).isEqualTo("text-embedding-3-small");
        assertThat(floats.path("data")).hasSize(2);
        JsonNode vector = floats.path("data").path(0).path("embedding");
        assertThat(vector).hasSize(8);
        double squares = 0;
        for (JsonNode value : vector) {
            squares += value.asDouble() * value.asDouble();
        }
        assertThat(squares).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-4));
        assertThat(floats.path("usage").path("prompt_tokens").asInt()).isPositive();
        byte[] bytes = Base64.getDecoder().decode(base64.path("data").path(0).path("embedding").asText());
        assertThat(bytes).hasSize(OpenAiEmbeddings.DEFAULT_DIMENSIONS * Float.BYTES);
        float firstOfHello = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).getFloat();
        assertThat(firstOfHello).isNotZero();
    }

    @Test
    void textCompletionsAnswerWholeAndStreamed() {
        String url = mock.baseUrl() + "/v1/completions";
        JsonNode whole = MockHttp.post(url, "{\"model\":\"gpt-3.5-turbo-instruct\",\"prompt\":\"Say hi\"}").json();
        List<SseEvent> events = MockHttp.post(url,
                "{\"model\":\"gpt-3.5-turbo-instruct\",\"prompt\":\"Say hi\",\"stream\":true}").events();

        assertThat(whole.path("object").asText()).isEqualTo("text_completion");
        String text = whole.path("choices").path(0).path("text").asText();
        assertThat(text).isNotBlank();
        assertThat(events.getLast().data()).isEqualTo("[DONE]");
        List<JsonNode> chunks = MockHttp.jsonData(events);
        assertThat(chunks.stream().map(c -> c.path("choices").path(0).path("text").asText())
                .collect(Collectors.joining())).isEqualTo(text);
        assertThat(chunks.getLast().path("choices").path(0).path("finish_reason").asText()).isEqualTo("stop");
    }

    @Test
    void modelsAreListedInOpenAiShape() {
        JsonNode body = MockHttp.get(mock.baseUrl() + "/v1/models").json();

        assertThat(body.path("object").asText()).isEqualTo("list");
        assertThat(body.path("data").findValuesAsText("id")).contains("gpt-4o-mini");
        assertThat(body.path("data").path(0).path("object").asText()).isEqualTo("model");
    }

    @Test
    void malformedRequestsGetOpenAiErrors() {
        MockHttp.Result notJson = chat("{\"model\":");
        MockHttp.Result noMessages = chat("{\"model\":\"m\"}");

        assertThat(notJson.status()).isEqualTo(400);
        assertThat(notJson.json().path("error").path("type").asText()).isEqualTo("invalid_request_error");
        assertThat(noMessages.status()).isEqualTo(400);
        assertThat(noMessages.json().path("error").path("message").asText()).contains("messages");
    }

    private static String content(MockHttp.Result result) {
        return content(result.json());
    }

    private static String content(JsonNode body) {
        return body.path("choices").path(0).path("message").path("content").asText();
    }
}
