package dev.switchboard.gateway.mock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.gateway.Json;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import okhttp3.Response;
import okio.BufferedSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FaultInjectionTest {
    static MockProvider mock;

    @BeforeAll
    static void start() {
        mock = MockProvider.start(MockOptions.defaults());
    }

    @AfterAll
    static void stop() {
        mock.close();
    }

    static String openAiChat(String text, boolean stream) {
        return "{\"model\":\"gpt-4o-mini\",\"stream\":" + stream + ",\"messages\":[{\"role\":\"user\",\"content\":"
                + Json.write(text) + "}]}";
    }

    @Test
    void rateLimitMarkerAnswers429WithRetryAfterInEachProvidersFormat() {
        String marker = "Hi [mock:error 429]";
        MockHttp.Result openAi = MockHttp.post(mock.baseUrl() + "/v1/chat/completions", openAiChat(marker, true));
        MockHttp.Result anthropic = MockHttp.post(mock.baseUrl() + "/v1/messages",
                "{\"model\":\"claude-sonnet-4-5\",\"max_tokens\":10,\"messages\":[{\"role\":\"user\",\"content\":\""
                        + marker + "\"}]}", "x-api-key", "k", "anthropic-version", "2023-06-01");
        MockHttp.Result gemini = MockHttp.post(mock.baseUrl() + "/v1beta/models/gemini-2.0-flash:generateContent",
                "{\"contents\":[{\"parts\":[{\"text\":\"" + marker + "\"}]}]}", "x-goog-api-key", "k");

        assertThat(List.of(openAi, anthropic, gemini)).allSatisfy(result -> {
            assertThat(result.status()).isEqualTo(429);
            assertThat(result.headers().get("Retry-After")).isEqualTo("1");
            assertThat(result.headers().get("Content-Type")).startsWith("application/json");
        });
        JsonNode openAiError = openAi.json().path("error");
        assertThat(openAiError.path("code").asText()).isEqualTo("rate_limit_exceeded");
        assertThat(openAiError.path("message").asText()).contains("429");
        assertThat(openAiError.has("param")).isTrue();
        assertThat(anthropic.json().path("type").asText()).isEqualTo("error");
        assertThat(anthropic.json().path("error").path("type").asText()).isEqualTo("rate_limit_error");
        assertThat(gemini.json().path("error").path("status").asText()).isEqualTo("RESOURCE_EXHAUSTED");
        assertThat(gemini.json().path("error").path("code").asInt()).isEqualTo(429);
    }

    @ParameterizedTest
    @ValueSource(ints = {401, 500, 503})
    void errorMarkerAnswersThatStatusWithoutRetryAfter(int status) {
        MockHttp.Result result = MockHttp.post(mock.baseUrl() + "/v1/chat/completions",
                openAiChat("[mock:error " + status + "] please", false));

        assertThat(result.status()).isEqualTo(status);
        assertThat(result.headers().get("Retry-After")).isNull();
        assertThat(result.json().path("error").path("type").asText())
                .isEqualTo(status >= 500 ? "server_error" : "invalid_request_error");
    }

    @Test
    void slowMarkerDelaysTheReply() {
        long started = System.nanoTime();
        MockHttp.Result result = MockHttp.post(mock.baseUrl() + "/v1/chat/completions",
                openAiChat("take your time [mock:slow 300]", false));

        assertThat(result.status()).isEqualTo(200);
        assertThat((System.nanoTime() - started) / 1_000_000).isGreaterThanOrEqualTo(300);
    }

    @Test
    void breakMarkerCutsTheStreamAfterAFewChunksWithoutFinishing() throws IOException {
        List<String> lines = new ArrayList<>();
        try (Response response = MockHttp.CLIENT.newCall(MockHttp.postRequest(mock.baseUrl() + "/v1/chat/completions",
                openAiChat("tell me [mock:break]", true))).execute()) {
            assertThat(response.code()).isEqualTo(200);
            BufferedSource source = response.body().source();
            assertThatThrownBy(() -> {
                for (String line = source.readUtf8Line(); line != null; line = source.readUtf8Line()) {
                    lines.add(line);
                }
            }).isInstanceOf(IOException.class);
        }

        List<String> data = lines.stream().filter(line -> line.startsWith("data: ")).toList();
        assertThat(data).hasSize(1 + StreamPlayer.TOKENS_BEFORE_BREAK).noneMatch(line -> line.contains("[DONE]"))
                .noneMatch(line -> line.contains("\"finish_reason\":\"stop\""));
    }

    @Test
    void breakMarkerDropsAWholeReplyBeforeAnyResponse() {
        assertThatThrownBy(() -> MockHttp.post(mock.baseUrl() + "/v1/chat/completions",
                openAiChat("[mock:break]", false))).hasCauseInstanceOf(IOException.class);
    }

    @Test
    void markersInEarlierMessagesAreIgnored() {
        String json = """
                {"model":"m","messages":[{"role":"user","content":"[mock:error 500]"},
                  {"role":"assistant","content":"Sorry."},{"role":"user","content":"Try again"}]}""";

        assertThat(MockHttp.post(mock.baseUrl() + "/v1/chat/completions", json).status()).isEqualTo(200);
    }
}
