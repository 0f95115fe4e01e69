package dev.switchboard.gateway.provider;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.gateway.GatewayException;

/**
 * Translates between the gateway's canonical model and one provider's wire format. The canonical model is the
 * OpenAI Chat Completions JSON (request, {@code chat.completion}, {@code chat.completion.chunk}), because that
 * is the inbound API and it lets OpenAI-compatible hosts receive unknown fields untouched.
 *
 * <p>Implementations are stateless and thread-safe; per-request stream state lives in {@link StreamTranslator}.
 */
public interface ProviderAdapter {

    /**
     * True when the provider speaks the canonical format itself, so the gateway may forward its bytes untouched
     * instead of re-serialising the translated tree.
     */
    default boolean speaksCanonicalFormat() {
        return false;
    }

    /** Builds the upstream call for an OpenAI chat request; {@code request.stream} says whether to stream. */
    UpstreamRequest chatRequest(ObjectNode request, Target target);

    /** Converts the provider's non-streaming chat response into an OpenAI {@code chat.completion}. */
    ObjectNode chatResponse(JsonNode upstreamBody, ObjectNode request);

    /** A fresh translator for the provider's stream of one request. */
    StreamTranslator streamTranslator(ObjectNode request);

    default UpstreamRequest embeddingsRequest(ObjectNode request, Target target) {
        throw GatewayException.unsupported("Embeddings are not supported by provider '" + target.provider() + "'");
    }

    default ObjectNode embeddingsResponse(JsonNode upstreamBody, ObjectNode request) {
        throw new UnsupportedOperationException();
    }

    default UpstreamRequest completionsRequest(ObjectNode request, Target target) {
        throw GatewayException.unsupported("Text completions (/v1/completions) are not supported by provider '"
                + target.provider() + "'; use /v1/chat/completions");
    }

    default ObjectNode completionsResponse(JsonNode upstreamBody, ObjectNode request) {
        throw new UnsupportedOperationException();
    }

    default UpstreamRequest modelsRequest(Target target) {
        throw GatewayException.unsupported("Listing models is not supported by provider '" + target.provider() + "'");
    }

    /** Converts the provider's model list into OpenAI's {@code {"object":"list","data":[{"id","object":"model",...}]}}. */
    default ObjectNode modelsResponse(JsonNode upstreamBody) {
        throw new UnsupportedOperationException();
    }
}
