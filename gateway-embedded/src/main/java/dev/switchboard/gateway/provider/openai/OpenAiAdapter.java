package dev.switchboard.gateway.provider.openai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.gateway.Json;
import dev.switchboard.gateway.provider.ProviderAdapter;
import dev.switchboard.gateway.provider.StreamTranslator;
import dev.switchboard.gateway.provider.Target;
import dev.switchboard.gateway.provider.UpstreamRequest;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * OpenAI and every OpenAI-compatible host: the request goes out as the client wrote it (unknown fields
 * included) and the response comes back untouched. Azure OpenAI differs only in URL and auth header.
 */
public final class OpenAiAdapter implements ProviderAdapter {
    /** Azure's deployment-scoped URLs need an api-version; this one supports tools and json_schema. */
    public static final String DEFAULT_AZURE_API_VERSION = "2024-10-21";

    /** Hosts known to accept {@code stream_options}; others may reject unknown fields in it. */
    private final boolean requestStreamUsage;

    public OpenAiAdapter(boolean requestStreamUsage) {
        this.requestStreamUsage = requestStreamUsage;
    }

    @Override
    public boolean speaksCanonicalFormat() {
        return true;
    }

    @Override
    public UpstreamRequest chatRequest(ObjectNode request, Target target) {
        ObjectNode body = request;
        if (requestStreamUsage && request.path("stream").asBoolean(false)
                && !request.path("stream_options").path("include_usage").asBoolean(false)) {
            // Ask for real token counts; the gateway hides the extra usage chunk from clients that did not ask.
            body = request.deepCopy();
            body.withObject("/stream_options").put("include_usage", true);
        }
        return UpstreamRequest.post(url(target, "chat/completions"), headers(target), Json.writeBytes(body));
    }

    @Override
    public ObjectNode chatResponse(JsonNode upstreamBody, ObjectNode request) {
        return (ObjectNode) upstreamBody;
    }

    @Override
    public StreamTranslator streamTranslator(ObjectNode request) {
        return new OpenAiStreamPassthrough();
    }

    @Override
    public UpstreamRequest embeddingsRequest(ObjectNode request, Target target) {
        return UpstreamRequest.post(url(target, "embeddings"), headers(target), Json.writeBytes(request));
    }

    @Override
    public ObjectNode embeddingsResponse(JsonNode upstreamBody, ObjectNode request) {
        return (ObjectNode) upstreamBody;
    }

    @Override
    public UpstreamRequest completionsRequest(ObjectNode request, Target target) {
        return UpstreamRequest.post(url(target, "completions"), headers(target), Json.writeBytes(request));
    }

    @Override
    public ObjectNode completionsResponse(JsonNode upstreamBody, ObjectNode request) {
        return (ObjectNode) upstreamBody;
    }

    @Override
    public UpstreamRequest modelsRequest(Target target) {
        return UpstreamRequest.get(url(target, "models"), headers(target));
    }

    @Override
    public ObjectNode modelsResponse(JsonNode upstreamBody) {
        return (ObjectNode) upstreamBody;
    }

    private static boolean isAzure(Target target) {
        return "azure-openai".equals(target.provider());
    }

    private static String url(Target target, String path) {
        if (!isAzure(target)) {
            return target.baseUrl() + "/" + path;
        }
        String version = target.options().getOrDefault("azure-api-version", DEFAULT_AZURE_API_VERSION);
        String deployment = target.option("azure-deployment-id");
        String base = deployment == null ? target.baseUrl() : target.baseUrl() + "/deployments/" + deployment;
        return base + "/" + path + "?api-version=" + version;
    }

    private static Map<String, String> headers(Target target) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("content-type", "application/json");
        if (target.apiKey() != null && !target.apiKey().isEmpty()) {
            if (isAzure(target)) {
                headers.put("api-key", target.apiKey());
            } else {
                headers.put("authorization", "Bearer " + target.apiKey());
            }
        }
        return headers;
    }
}
