package dev.switchboard.gateway.provider.gemini;

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

class GeminiAdapterTest {
    static final Clock CLOCK = Clock.fixed(Instant.ofEpochSecond(1_735_689_600L), ZoneOffset.UTC);
    private static final Target TARGET =
            new Target("google", "https://generativelanguage.googleapis.com/v1beta", "AIza-test", null);

    private final GeminiAdapter adapter = new GeminiAdapter(CLOCK, new SequentialIds());

    @ParameterizedTest
    @ValueSource(strings = {"chat-plain", "chat-system-multiturn", "chat-tools", "tool-choice-none",
            "tool-choice-required", "tool-choice-function", "chat-images", "chat-generation-config",
            "chat-json-schema", "chat-schema-stripping"})
    void translatesChatRequests(String name) {
        UpstreamRequest upstream = adapter.chatRequest(Golden.object("gemini/" + name + ".request.openai.json"), TARGET);

        assertJsonEquals(Json.read(upstream.body()), Golden.json("gemini/" + name + ".request.gemini.json"));
    }

    @Test
    void callsGenerateContentWithTheKeyInAHeaderNotTheUrl() {
        UpstreamRequest upstream = adapter.chatRequest(plainRequest().put("model", "models/gemini-2.5-flash"), TARGET);

        assertThat(upstream.method()).isEqualTo("POST");
        assertThat(upstream.url())
                .isEqualTo("https://generativelanguage.googleapis.com/v1beta/models/gemini-2.5-flash:generateContent");
        assertThat(upstream.headers()).containsExactlyInAnyOrderEntriesOf(
                Map.of("x-goog-api-key", "AIza-test", "content-type", "application/json"));
    }

    @Test
    void streamsFromTheCustomHostAsServerSentEvents() {
        Target customHost = new Target("google", "http://127.0.0.1:9099/v1beta", "AIza-test", null);

        UpstreamRequest upstream = adapter.chatRequest(plainRequest().put("stream", true), customHost);

        assertThat(upstream.url())
                .isEqualTo("http://127.0.0.1:9099/v1beta/models/gemini-2.5-flash:streamGenerateContent?alt=sse");
    }

    @ParameterizedTest
    @ValueSource(strings = {"../files", "gemini-2.5-flash:generateContent?key=x", "gemini 2.5"})
    void refusesModelNamesThatWouldChangeTheUrl(String model) {
        assertThatThrownBy(() -> adapter.chatRequest(plainRequest().put("model", model), TARGET))
                .isInstanceOfSatisfying(GatewayException.class, e -> assertThat(e.param()).isEqualTo("model"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"response-multi-candidate", "response-function-call", "response-thinking-cached",
            "response-blocked"})
    void translatesResponses(String name) {
        ObjectNode completion = adapter.chatResponse(Golden.json("gemini/" + name + ".gemini.json"), plainRequest());

        assertJsonEquals(completion, Golden.json("gemini/" + name + ".openai.json"));
    }

    @ParameterizedTest
    @CsvSource({"STOP,false,STOP", "STOP,true,TOOL_CALLS", "MAX_TOKENS,false,LENGTH", "SAFETY,false,CONTENT_FILTER",
            "RECITATION,false,CONTENT_FILTER", "BLOCKLIST,false,CONTENT_FILTER", "PROHIBITED_CONTENT,false,CONTENT_FILTER",
            "SPII,false,CONTENT_FILTER", "MALFORMED_FUNCTION_CALL,false,STOP", "OTHER,false,STOP"})
    void mapsFinishReasons(String geminiReason, boolean calledFunctions, FinishReason expected) {
        assertThat(GeminiFinishReason.toFinishReason(geminiReason, calledFunctions)).isEqualTo(expected);
    }

    @Test
    void toolCallIdsCarryTheThoughtSignatureBackToGemini() {
        ObjectNode completion = adapter.chatResponse(Golden.json("gemini/response-function-call.gemini.json"),
                plainRequest());
        String id = completion.at("/choices/0/message/tool_calls/0/id").asText();

        assertThat(id).matches("[A-Za-z0-9_-]+");
        assertThat(GeminiToolCallIds.thoughtSignature(id))
                .isEqualTo("unJJm/oSHoNrKsFXJu59awr2qxPDjpLK4NFQV7FZmH+UzHQR1xfxRXmyqhAPu7NP");
        assertThat(GeminiToolCallIds.thoughtSignature("toolu_01A09q90qw90lq917835lq9")).isNull();
    }

    @Test
    void refusesImageUrlsGeminiCannotFetch() {
        ObjectNode request = Golden.object("gemini/chat-images.request.openai.json");
        ((ObjectNode) request.at("/messages/0/content/1/image_url")).put("url", "https://example.com/cat.png");

        assertThatThrownBy(() -> adapter.chatRequest(request, TARGET))
                .isInstanceOfSatisfying(GatewayException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.param()).isEqualTo("messages[0].content[1].image_url.url");
                });
    }

    @Test
    void refusesAToolResultForAnUnknownCall() {
        ObjectNode request = Golden.object("gemini/chat-tools.request.openai.json");
        ((ObjectNode) request.at("/messages/3")).put("tool_call_id", "call_unknown");

        assertThatThrownBy(() -> adapter.chatRequest(request, TARGET))
                .isInstanceOfSatisfying(GatewayException.class,
                        e -> assertThat(e.param()).isEqualTo("messages[3].tool_call_id"));
    }

    @Test
    void refusesRecursiveSchemas() {
        ObjectNode request = Golden.object("gemini/chat-schema-stripping.request.openai.json");
        ((ObjectNode) request.at("/tools/0/function/parameters/$defs/Address/properties"))
                .putObject("previous").put("$ref", "#/$defs/Address");

        assertThatThrownBy(() -> adapter.chatRequest(request, TARGET))
                .isInstanceOfSatisfying(GatewayException.class,
                        e -> assertThat(e.param()).isEqualTo("tools[0].function.parameters"));
    }

    @Test
    void listsModelsWithoutTheModelsPrefix() {
        UpstreamRequest upstream = adapter.modelsRequest(TARGET);

        assertThat(upstream.method()).isEqualTo("GET");
        assertThat(upstream.url()).isEqualTo("https://generativelanguage.googleapis.com/v1beta/models?pageSize=1000");
        assertThat(upstream.headers()).containsExactlyInAnyOrderEntriesOf(Map.of("x-goog-api-key", "AIza-test"));
        assertJsonEquals(adapter.modelsResponse(Golden.json("gemini/models.gemini.json")),
                Golden.json("gemini/models.openai.json"));
    }

    private static ObjectNode plainRequest() {
        return Golden.object("gemini/chat-plain.request.openai.json");
    }
}
