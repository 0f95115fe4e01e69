package dev.switchboard.gateway.provider.gemini;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.gateway.GatewayException;
import dev.switchboard.gateway.Json;
import dev.switchboard.gateway.provider.JsonFields;
import dev.switchboard.gateway.provider.Unsupported;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/** Translates OpenAI {@code /v1/embeddings} to Gemini's {@code batchEmbedContents} and back. */
final class GeminiEmbeddings {
    private GeminiEmbeddings() {
    }

    static ObjectNode request(ObjectNode request, String model) {
        Integer dimensions = JsonFields.integer(request, "dimensions", "dimensions");
        encodingIsBase64(request);
        ObjectNode body = Json.object();
        ArrayNode requests = body.putArray("requests");
        for (String text : inputs(request.get("input"))) {
            ObjectNode entry = requests.addObject();
            // Gemini requires each entry to repeat the model named in the URL.
            entry.put("model", "models/" + model);
            entry.putObject("content").putArray("parts").addObject().put("text", text);
            if (dimensions != null) {
                entry.put("outputDimensionality", dimensions);
            }
        }
        return body;
    }

    /**
     * Gemini's batch response reports no token counts, so {@code usage} is left out: zeros would read as
     * "free" in cost reports, and an estimate from another tokenizer would be presented as fact.
     */
    static ObjectNode response(JsonNode upstreamBody, ObjectNode request) {
        boolean base64 = encodingIsBase64(request);
        ArrayNode data = Json.MAPPER.createArrayNode();
        JsonNode embeddings = upstreamBody.path("embeddings");
        for (int i = 0; i < embeddings.size(); i++) {
            ObjectNode item = data.addObject();
            item.put("object", "embedding");
            item.put("index", i);
            JsonNode values = embeddings.get(i).path("values");
            if (base64) {
                item.put("embedding", float32Base64(values));
            } else {
                item.set("embedding", values);
            }
        }
        ObjectNode list = Json.object();
        list.put("object", "list");
        list.set("data", data);
        list.put("model", request.path("model").asText());
        return list;
    }

    private static List<String> inputs(JsonNode input) {
        if (input != null && input.isTextual()) {
            return List.of(input.textValue());
        }
        if (input == null || !input.isArray() || input.isEmpty()) {
            throw JsonFields.wrongType("input", "a string or a non-empty array of strings");
        }
        List<String> texts = new ArrayList<>(input.size());
        for (int i = 0; i < input.size(); i++) {
            if (!input.get(i).isTextual()) {
                throw Unsupported.field("input[" + i + "]", "Gemini embeds text only; token arrays are not supported");
            }
            texts.add(input.get(i).textValue());
        }
        return texts;
    }

    private static boolean encodingIsBase64(ObjectNode request) {
        String format = JsonFields.string(request, "encoding_format", "encoding_format");
        if (format != null && !format.equals("float") && !format.equals("base64")) {
            throw GatewayException.badRequest("encoding_format", "'encoding_format' must be 'float' or 'base64'");
        }
        return "base64".equals(format);
    }

    /** OpenAI's base64 encoding: the vector as little-endian float32s. */
    private static String float32Base64(JsonNode values) {
        ByteBuffer buffer = ByteBuffer.allocate(values.size() * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        values.forEach(value -> buffer.putFloat(value.floatValue()));
        return Base64.getEncoder().encodeToString(buffer.array());
    }
}
