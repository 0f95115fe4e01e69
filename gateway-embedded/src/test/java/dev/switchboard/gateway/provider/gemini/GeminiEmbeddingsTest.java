package dev.switchboard.gateway.provider.gemini;

import static dev.switchboard.gateway.provider.Golden.assertJsonEquals;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.gateway.GatewayException;
import dev.switchboard.gateway.Json;
import dev.switchboard.gateway.provider.Golden;
import dev.switchboard.gateway.provider.Target;
import dev.switchboard.gateway.provider.UpstreamRequest;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GeminiEmbeddingsTest {
    private static final Target TARGET =
            new Target("google", "https://generativelanguage.googleapis.com/v1beta", "AIza-test", null);

    private final GeminiAdapter adapter = new GeminiAdapter(GeminiAdapterTest.CLOCK, new SequentialIds());

    @Test
    void batchEmbedsEveryInput() {
        UpstreamRequest upstream = adapter.embeddingsRequest(Golden.object("gemini/embeddings.request.openai.json"), TARGET);

        assertThat(upstream.url()).isEqualTo(
                "https://generativelanguage.googleapis.com/v1beta/models/gemini-embedding-001:batchEmbedContents");
        assertThat(upstream.headers()).containsExactlyInAnyOrderEntriesOf(
                Map.of("x-goog-api-key", "AIza-test", "content-type", "application/json"));
        assertJsonEquals(Json.read(upstream.body()), Golden.json("gemini/embeddings.request.gemini.json"));
    }

    @Test
    void acceptsASingleString() {
        ObjectNode request = (ObjectNode) Json.read("{\"model\":\"text-embedding-004\",\"input\":\"hello\"}");

        assertJsonEquals(Json.read(adapter.embeddingsRequest(request, TARGET).body()), Json.read("""
                {"requests":[{"model":"models/text-embedding-004","content":{"parts":[{"text":"hello"}]}}]}"""));
    }

    @Test
    void answersInOpenAiShapeWithoutInventingUsage() {
        ObjectNode response = adapter.embeddingsResponse(Golden.json("gemini/embeddings.response.gemini.json"),
                Golden.object("gemini/embeddings.request.openai.json"));

        assertJsonEquals(response, Golden.json("gemini/embeddings.response.openai.json"));
    }

    @Test
    void encodesBase64AsLittleEndianFloat32LikeOpenAi() {
        ObjectNode request = (ObjectNode) Json.read(
                "{\"model\":\"gemini-embedding-001\",\"input\":\"x\",\"encoding_format\":\"base64\"}");

        ObjectNode response = adapter.embeddingsResponse(Json.read("{\"embeddings\":[{\"values\":[0.5,-1.0]}]}"), request);

        // 0.5f = 0x3F000000 and -1.0f = 0xBF800000, each written low byte first.
        assertThat(response.at("/data/0/embedding").asText()).isEqualTo("AAAAPwAAgL8=");
    }

    @Test
    void refusesTokenArrays() {
        ObjectNode request = (ObjectNode) Json.read("{\"model\":\"gemini-embedding-001\",\"input\":[[1734, 9051]]}");

        assertThatThrownBy(() -> adapter.embeddingsRequest(request, TARGET))
                .isInstanceOfSatisfying(GatewayException.class, e -> assertThat(e.param()).isEqualTo("input[0]"));
    }
}
