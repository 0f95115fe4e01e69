package dev.switchboard.gateway.provider.anthropic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.gateway.Json;
import dev.switchboard.gateway.provider.ApiKeys;
import dev.switchboard.gateway.provider.ChatRequest;
import dev.switchboard.gateway.provider.OpenAiJson;
import dev.switchboard.gateway.provider.ProviderAdapter;
import dev.switchboard.gateway.provider.StreamTranslator;
import dev.switchboard.gateway.provider.Target;
import dev.switchboard.gateway.provider.UpstreamRequest;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;

/** Speaks Anthropic's Messages API (version 2023-06-01) behind the gateway's OpenAI-shaped front door. */
public final class AnthropicAdapter implements ProviderAdapter {
    static final String API_VERSION = "2023-06-01";
    /** The models endpoint pages at 20 by default; its maximum page keeps the whole list in one call. */
    private static final String MODELS_PAGE = "/models?limit=1000";

    private final Clock clock;

    public AnthropicAdapter() {
        this(Clock.systemUTC());
    }

    /** {@code clock} stamps {@code created}, which Anthropic responses do not carry. */
    public AnthropicAdapter(Clock clock) {
        this.clock = clock;
    }

    @Override
    public UpstreamRequest chatRequest(ObjectNode request, Target target) {
        ChatRequest.requireTextOnlyOutput(request, "Anthropic");
        ObjectNode body = AnthropicRequestTranslator.translate(ChatRequest.read(request));
        return UpstreamRequest.post(target.baseUrl() + "/messages",
                Map.of("x-api-key", ApiKeys.require(target), "anthropic-version", API_VERSION,
                        "content-type", "application/json"),
                Json.writeBytes(body));
    }

    @Override
    public ObjectNode chatResponse(JsonNode upstreamBody, ObjectNode request) {
        return AnthropicResponseTranslator.translate(upstreamBody, now());
    }

    @Override
    public StreamTranslator streamTranslator(ObjectNode request) {
        return new AnthropicStreamTranslator(now());
    }

    @Override
    public UpstreamRequest modelsRequest(Target target) {
        return UpstreamRequest.get(target.baseUrl() + MODELS_PAGE,
                Map.of("x-api-key", ApiKeys.require(target), "anthropic-version", API_VERSION));
    }

    @Override
    public ObjectNode modelsResponse(JsonNode upstreamBody) {
        ArrayNode data = Json.MAPPER.createArrayNode();
        for (JsonNode model : upstreamBody.path("data")) {
            data.add(OpenAiJson.model(model.path("id").asText(), createdAt(model.path("created_at").asText()),
                    "anthropic"));
        }
        return OpenAiJson.list(data);
    }

    /** An unreadable date only costs the optional {@code created}; it is no reason to fail the whole list. */
    private static Long createdAt(String isoInstant) {
        try {
            return Instant.parse(isoInstant).getEpochSecond();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private long now() {
        return clock.instant().getEpochSecond();
    }
}
