package dev.switchboard.gateway.mock;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.gateway.Json;
import io.javalin.http.Context;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.SplittableRandom;

/**
 * OpenAI {@code POST /v1/embeddings}: one unit-length vector per input, derived from the input's text so the same
 * text always embeds the same way; floats or, as the official SDKs ask by default, base64 little-endian float32.
 */
final class OpenAiEmbeddings implements MockEndpoint {
    /** text-embedding-3-small's size, used when the request names no {@code dimensions}. */
    static final int DEFAULT_DIMENSIONS = 1536;
    private static final int MAX_DIMENSIONS = 8192;

    @Override
    public ErrorFormat errors() {
        return ErrorFormat.OPENAI;
    }

    @Override
    public MockCall parse(Context ctx, JsonNode body) {
        String model = Wire.requiredText(body, "model");
        List<String> inputs = inputs(body.path("input"));
        int tokens = inputs.stream().mapToInt(PromptText::tokens).sum();
        return new MockCall(body, model, String.join("\n", inputs), tokens, null, null, false);
    }

    @Override
    public byte[] body(MockCall call, Reply reply) {
        List<String> inputs = inputs(call.request().path("input"));
        Integer requested = Wire.optionalInt(call.request(), "dimensions");
        int dimensions = requested == null ? DEFAULT_DIMENSIONS : Math.clamp(requested, 1, MAX_DIMENSIONS);
        boolean base64 = "base64".equals(call.request().path("encoding_format").asText());

        ObjectNode response = Json.object().put("object", "list");
        ArrayNode data = response.putArray("data");
        for (int index = 0; index < inputs.size(); index++) {
            float[] vector = vector(inputs.get(index), dimensions);
            ObjectNode item = data.addObject().put("object", "embedding").put("index", index);
            if (base64) {
                item.put("embedding", base64(vector));
            } else {
                ArrayNode values = item.putArray("embedding");
                for (float value : vector) {
                    values.add(value);
                }
            }
        }
        response.put("model", call.model());
        response.putObject("usage").put("prompt_tokens", call.promptTokens()).put("total_tokens", call.promptTokens());
        return Json.writeBytes(response);
    }

    /** {@code input} is a string, an array of strings, or token ids (one array, or an array of arrays). */
    private static List<String> inputs(JsonNode input) {
        if (input.isTextual()) {
            return List.of(input.asText());
        }
        if (!input.isArray() || input.isEmpty()) {
            throw MockException.badRequest("'input' must be a string or a non-empty array");
        }
        if (input.get(0).isNumber()) {
            return List.of(input.toString());
        }
        List<String> inputs = new ArrayList<>(input.size());
        input.forEach(item -> inputs.add(item.isTextual() ? item.asText() : item.toString()));
        return inputs;
    }

    private static float[] vector(String text, int dimensions) {
        SplittableRandom random = new SplittableRandom(text.hashCode());
        float[] vector = new float[dimensions];
        double squares = 0;
        for (int i = 0; i < dimensions; i++) {
            vector[i] = (float) (random.nextDouble() * 2 - 1);
            squares += vector[i] * vector[i];
        }
        float norm = (float) Math.sqrt(squares);
        for (int i = 0; i < dimensions; i++) {
            vector[i] /= norm;
        }
        return vector;
    }

    private static String base64(float[] vector) {
        ByteBuffer bytes = ByteBuffer.allocate(vector.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        bytes.asFloatBuffer().put(vector);
        return Base64.getEncoder().encodeToString(bytes.array());
    }
}
