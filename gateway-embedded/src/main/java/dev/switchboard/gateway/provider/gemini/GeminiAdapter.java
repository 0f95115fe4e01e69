package dev.switchboard.gateway.provider.gemini;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.gateway.GatewayException;
import dev.switchboard.gateway.Json;
import dev.switchboard.gateway.provider.ApiKeys;
import dev.switchboard.gateway.provider.ChatRequest;
import dev.switchboard.gateway.provider.JsonFields;
import dev.switchboard.gateway.provider.OpenAiJson;
import dev.switchboard.gateway.provider.ProviderAdapter;
import dev.switchboard.gateway.provider.StreamTranslator;
import dev.switchboard.gateway.provider.Target;
import dev.switchboard.gateway.provider.UpstreamRequest;
import java.time.Clock;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Speaks Google's Gemini API ({@code generateContent}, {@code batchEmbedContents}, {@code models}) behind the
 * gateway's OpenAI-shaped front door. The key goes in a header, never in the URL, so URLs are safe to log.
 */
public final class GeminiAdapter implements ProviderAdapter {
    private static final String MODEL_PREFIX = "models/";
    /** The model goes into the URL path: anything else could point the caller's key at another endpoint. */
    private static final Pattern MODEL_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");
    /** The models endpoint pages at 50 by default; its maximum page keeps the whole list in one call. */
    private static final String MODELS_PAGE = "/models?pageSize=1000";

    private final Clock clock;
    private final Supplier<String> ids;

    public GeminiAdapter() {
        this(Clock.systemUTC(), new RandomIds());
    }

    /** {@code clock} stamps {@code created}; {@code ids} makes the unique part of completion and tool-call ids. */
    public GeminiAdapter(Clock clock, Supplier<String> ids) {
        this.clock = clock;
        this.ids = ids;
    }

    @Override
    public UpstreamRequest chatRequest(ObjectNode request, Target target) {
        ChatRequest.requireTextOnlyOutput(request, "Gemini");
        ChatRequest chat = ChatRequest.read(request);
        String method = chat.stream() ? ":streamGenerateContent?alt=sse" : ":generateContent";
        return UpstreamRequest.post(target.baseUrl() + "/models/" + model(chat.model()) + method,
                jsonHeaders(target), Json.writeBytes(GeminiRequestTranslator.translate(chat)));
    }

    @Override
    public ObjectNode chatResponse(JsonNode upstreamBody, ObjectNode request) {
        return GeminiResponseTranslator.translate(upstreamBody, request.path("model").asText(), now(), ids);
    }

    @Override
    public StreamTranslator streamTranslator(ObjectNode request) {
        return new GeminiStreamTranslator(request.path("model").asText(), now(), ids);
    }

    @Override
    public UpstreamRequest embeddingsRequest(ObjectNode request, Target target) {
        String model = model(JsonFields.requiredString(request, "model", "model"));
        return UpstreamRequest.post(target.baseUrl() + "/models/" + model + ":batchEmbedContents",
                jsonHeaders(target), Json.writeBytes(GeminiEmbeddings.request(request, model)));
    }

    @Override
    public ObjectNode embeddingsResponse(JsonNode upstreamBody, ObjectNode request) {
        return GeminiEmbeddings.response(upstreamBody, request);
    }

    @Override
    public UpstreamRequest modelsRequest(Target target) {
        return UpstreamRequest.get(target.baseUrl() + MODELS_PAGE, Map.of("x-goog-api-key", ApiKeys.require(target)));
    }

    @Override
    public ObjectNode modelsResponse(JsonNode upstreamBody) {
        ArrayNode data = Json.MAPPER.createArrayNode();
        for (JsonNode model : upstreamBody.path("models")) {
            String name = model.path("name").asText();
            data.add(OpenAiJson.model(name.startsWith(MODEL_PREFIX) ? name.substring(MODEL_PREFIX.length()) : name,
                    null, "google"));
        }
        return OpenAiJson.list(data);
    }

    /** Accepts Gemini's own {@code models/...} spelling as well as the bare id. */
    private static String model(String requested) {
        String model = requested.startsWith(MODEL_PREFIX) ? requested.substring(MODEL_PREFIX.length()) : requested;
        if (!MODEL_NAME.matcher(model).matches()) {
            throw GatewayException.badRequest("model", "'" + requested + "' is not a valid Gemini model name");
        }
        return model;
    }

    private static Map<String, String> jsonHeaders(Target target) {
        return Map.of("x-goog-api-key", ApiKeys.require(target), "content-type", "application/json");
    }

    private long now() {
        return clock.instant().getEpochSecond();
    }
}
