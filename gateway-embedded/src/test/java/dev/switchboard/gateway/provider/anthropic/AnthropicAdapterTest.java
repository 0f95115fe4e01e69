package dev.switchboard.gateway.provider.anthropic;

import static dev.switchboard.gateway.provider.Golden.assertJsonEquals;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.gateway.GatewayException;
import dev.switchboard.gateway.Json;
import dev.switchboard.gateway.provider.FinishReason;
import dev.switchboard.gateway.provider.Golden;
import dev.switchboard.gateway.provider.Target;
import dev.switchboard.gateway.provider.UpstreamRequest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class AnthropicAdapterTest {
    static final Clock CLOCK = Clock.fixed(Instant.ofEpochSecond(1_735_689_600L), ZoneOffset.UTC);
    private static final Target TARGET = new Target("anthropic", "https://api.anthropic.com/v1", "sk-ant-test", null);

    private final AnthropicAdapter adapter = new AnthropicAdapter(CLOCK);

    @ParameterizedTest
    @ValueSource(strings = {"chat-plain", "chat-system-multiturn", "chat-tools", "tool-choice-none",
            "tool-choice-function", "tool-choice-auto-serial", "chat-images", "chat-sampling", "chat-json-schema"})
    void translatesChatRequests(String name) {
        UpstreamRequest upstream = adapter.chatRequest(
                Golden.object("anthropic/" + name + ".request.openai.json"), TARGET);

        assertJsonEquals(Json.read(upstream.body()), Golden.json("anthropic/" + name + ".request.anthropic.json"));
    }

    @Test
    void postsToMessagesOfTheTargetBaseWithAnthropicHeaders() {
        Target customHost = new Target("anthropic", "http://127.0.0.1:9099/v1", "sk-ant-test", null);

        UpstreamRequest upstream = adapter.chatRequest(Golden.object("anthropic/chat-plain.request.openai.json"), customHost);

        assertThat(upstream.method()).isEqualTo("POST");
        assertThat(upstream.url()).isEqualTo("http://127.0.0.1:9099/v1/messages");
        assertThat(upstream.headers()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "x-api-key", "sk-ant-test",
                "anthropic-version", "2023-06-01",
                "content-type", "application/json"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"response-text", "response-tools", "response-tool-only"})
    void translatesResponses(String name) {
        ObjectNode completion = adapter.chatResponse(Golden.json("anthropic/" + name + ".anthropic.json"),
                Golden.object("anthropic/chat-plain.request.openai.json"));

        assertJsonEquals(completion, Golden.json("anthropic/" + name + ".openai.json"));
    }

    @ParameterizedTest
    @CsvSource({"end_turn,STOP", "stop_sequence,STOP", "pause_turn,STOP", "tool_use,TOOL_CALLS",
            "max_tokens,LENGTH", "model_context_window_exceeded,LENGTH", "refusal,CONTENT_FILTER"})
    void mapsStopReasons(String stopReason, FinishReason expected) {
        assertThat(AnthropicStopReason.toFinishReason(stopReason)).isEqualTo(expected);
    }

    @Test
    void listsModels() {
        UpstreamRequest upstream = adapter.modelsRequest(TARGET);

        assertThat(upstream.method()).isEqualTo("GET");
        assertThat(upstream.url()).isEqualTo("https://api.anthropic.com/v1/models?limit=1000");
        assertThat(upstream.headers()).containsExactlyInAnyOrderEntriesOf(
                Map.of("x-api-key", "sk-ant-test", "anthropic-version", "2023-06-01"));
        assertJsonEquals(adapter.modelsResponse(Golden.json("anthropic/models.anthropic.json")),
                Golden.json("anthropic/models.openai.json"));
    }

    @Test
    void refusesMoreThanOneChoice() {
        ObjectNode request = Golden.object("anthropic/chat-plain.request.openai.json").put("n", 2);

        assertThatThrownBy(() -> adapter.chatRequest(request, TARGET))
                .isInstanceOfSatisfying(GatewayException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.param()).isEqualTo("n");
                    assertThat(e.code()).isEqualTo("unsupported");
                });
    }

    @Test
    void refusesLogprobs() {
        ObjectNode request = Golden.object("anthropic/chat-plain.request.openai.json").put("logprobs", true);

        assertThatThrownBy(() -> adapter.chatRequest(request, TARGET))
                .isInstanceOfSatisfying(GatewayException.class, e -> assertThat(e.param()).isEqualTo("logprobs"));
    }

    @Test
    void namesTheMessageWhoseToolArgumentsAreNotJson() {
        ObjectNode request = Golden.object("anthropic/chat-tools.request.openai.json");
        ((ObjectNode) request.at("/messages/1/tool_calls/1/function")).put("arguments", "{\"location\": \"Tok");

        assertThatThrownBy(() -> adapter.chatRequest(request, TARGET))
                .isInstanceOfSatisfying(GatewayException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.param()).isEqualTo("messages[1].tool_calls[1].function.arguments");
                })
                .hasMessageContaining("messages[1]");
    }

    @Test
    void failsWithoutAKeyInsteadOfSendingAnEmptyHeader() {
        Target keyless = new Target("anthropic", "https://api.anthropic.com/v1", null, null);

        assertThatThrownBy(() -> adapter.chatRequest(Golden.object("anthropic/chat-plain.request.openai.json"), keyless))
                .isInstanceOfSatisfying(GatewayException.class, e -> assertThat(e.status()).isEqualTo(401));
    }
}
