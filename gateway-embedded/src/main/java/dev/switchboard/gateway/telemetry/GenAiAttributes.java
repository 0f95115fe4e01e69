package dev.switchboard.gateway.telemetry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.gateway.Json;
import dev.switchboard.gateway.trace.Trace;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.List;
import java.util.Map;

/**
 * A trace as attributes of the OpenTelemetry GenAI semantic conventions ({@code gen_ai.*}), plus Switchboard's own
 * ({@code switchboard.*}) for what the conventions do not cover. Message content only when asked for.
 */
final class GenAiAttributes {
    static final AttributeKey<String> OPERATION = AttributeKey.stringKey("gen_ai.operation.name");
    static final AttributeKey<String> PROVIDER = AttributeKey.stringKey("gen_ai.provider.name");
    static final AttributeKey<String> REQUEST_MODEL = AttributeKey.stringKey("gen_ai.request.model");
    static final AttributeKey<String> RESPONSE_MODEL = AttributeKey.stringKey("gen_ai.response.model");
    static final AttributeKey<String> RESPONSE_ID = AttributeKey.stringKey("gen_ai.response.id");
    static final AttributeKey<Long> INPUT_TOKENS = AttributeKey.longKey("gen_ai.usage.input_tokens");
    static final AttributeKey<Long> OUTPUT_TOKENS = AttributeKey.longKey("gen_ai.usage.output_tokens");
    static final AttributeKey<List<String>> FINISH_REASONS =
            AttributeKey.stringArrayKey("gen_ai.response.finish_reasons");
    static final AttributeKey<Double> TEMPERATURE = AttributeKey.doubleKey("gen_ai.request.temperature");
    static final AttributeKey<Double> TOP_P = AttributeKey.doubleKey("gen_ai.request.top_p");
    static final AttributeKey<Long> MAX_TOKENS = AttributeKey.longKey("gen_ai.request.max_tokens");
    static final AttributeKey<String> INPUT_MESSAGES = AttributeKey.stringKey("gen_ai.input.messages");
    static final AttributeKey<String> OUTPUT_MESSAGES = AttributeKey.stringKey("gen_ai.output.messages");
    static final AttributeKey<String> ERROR_TYPE = AttributeKey.stringKey("error.type");
    static final AttributeKey<Long> HTTP_STATUS = AttributeKey.longKey("http.response.status_code");
    static final AttributeKey<String> SERVER_ADDRESS = AttributeKey.stringKey("server.address");
    static final AttributeKey<Long> SERVER_PORT = AttributeKey.longKey("server.port");
    static final AttributeKey<String> TRACE_ID = AttributeKey.stringKey("switchboard.trace.id");
    static final AttributeKey<String> CLIENT_TRACE_ID = AttributeKey.stringKey("switchboard.client_trace_id");
    static final AttributeKey<Double> COST = AttributeKey.doubleKey("switchboard.cost_usd");
    static final AttributeKey<Boolean> ESTIMATED = AttributeKey.booleanKey("switchboard.tokens_estimated");
    static final AttributeKey<Long> TTFT = AttributeKey.longKey("switchboard.time_to_first_token_ms");
    static final AttributeKey<Boolean> STREAM = AttributeKey.booleanKey("switchboard.stream");
    static final AttributeKey<String> PROMPT_NAME = AttributeKey.stringKey("switchboard.prompt.name");
    static final AttributeKey<Long> PROMPT_VERSION = AttributeKey.longKey("switchboard.prompt.version");
    static final AttributeKey<String> CACHE_STATUS = AttributeKey.stringKey("switchboard.cache.status");
    static final AttributeKey<String> API_KEY_NAME = AttributeKey.stringKey("switchboard.api_key.name");
    static final AttributeKey<String> STEP_KIND = AttributeKey.stringKey("switchboard.step.kind");
    static final AttributeKey<String> TARGET = AttributeKey.stringKey("switchboard.target");
    static final AttributeKey<Long> RETRY = AttributeKey.longKey("switchboard.retry");
    static final String METADATA_PREFIX = "switchboard.metadata.";

    private GenAiAttributes() {
    }

    /** {@code chat}, {@code text_completion} or {@code embeddings}, the conventions' names for our endpoints. */
    static String operation(String endpoint) {
        return switch (endpoint) {
            case "chat.completions", "prompts.completions" -> "chat";
            case "completions" -> "text_completion";
            case "embeddings" -> "embeddings";
            default -> endpoint;
        };
    }

    /** The conventions' provider names where they define one; our own id otherwise. */
    static String provider(String provider) {
        if (provider == null) {
            return null;
        }
        return switch (provider) {
            case "azure-openai" -> "azure.ai.openai";
            case "google" -> "gcp.gemini";
            case "mistral-ai" -> "mistral_ai";
            case "perplexity-ai" -> "perplexity";
            case "x-ai" -> "x_ai";
            default -> provider;
        };
    }

    /** The model the caller asked for: from the stored request, else the one the trace records. */
    static String requestModel(Trace trace, JsonNode request) {
        String model = request.path("model").asText("");
        return model.isEmpty() ? trace.model() : model;
    }

    static Attributes request(Trace trace, JsonNode request, JsonNode response, boolean captureContent) {
        AttributesBuilder a = Attributes.builder();
        a.put(OPERATION, operation(trace.endpoint()));
        putIfPresent(a, PROVIDER, provider(trace.provider()));
        putIfPresent(a, REQUEST_MODEL, requestModel(trace, request));
        if (trace.ok()) {
            putIfPresent(a, RESPONSE_MODEL, trace.model());
        }
        putIfPresent(a, RESPONSE_ID, response.path("id").textValue());
        if (trace.inputTokens() != null) {
            a.put(INPUT_TOKENS, trace.inputTokens().longValue());
        }
        if (trace.outputTokens() != null) {
            a.put(OUTPUT_TOKENS, trace.outputTokens().longValue());
        }
        if (trace.finishReason() != null) {
            a.put(FINISH_REASONS, List.of(trace.finishReason()));
        }
        if (request.path("temperature").isNumber()) {
            a.put(TEMPERATURE, request.path("temperature").doubleValue());
        }
        if (request.path("top_p").isNumber()) {
            a.put(TOP_P, request.path("top_p").doubleValue());
        }
        JsonNode maxTokens = request.has("max_completion_tokens") ? request.path("max_completion_tokens")
                : request.path("max_tokens");
        if (maxTokens.isIntegralNumber()) {
            a.put(MAX_TOKENS, maxTokens.longValue());
        }
        a.put(HTTP_STATUS, (long) trace.status());
        if (!trace.ok()) {
            a.put(ERROR_TYPE, trace.status() >= 400 ? String.valueOf(trace.status()) : "upstream_error");
        }
        a.put(TRACE_ID, trace.id());
        putIfPresent(a, CLIENT_TRACE_ID, trace.clientTraceId());
        if (trace.costUsd() != null) {
            a.put(COST, trace.costUsd().doubleValue());
        }
        a.put(ESTIMATED, trace.tokensEstimated());
        a.put(STREAM, trace.stream());
        if (trace.ttftMs() != null) {
            a.put(TTFT, trace.ttftMs());
        }
        putIfPresent(a, PROMPT_NAME, trace.promptName());
        if (trace.promptVersion() != null) {
            a.put(PROMPT_VERSION, trace.promptVersion().longValue());
        }
        putIfPresent(a, CACHE_STATUS, trace.cacheStatus());
        putIfPresent(a, API_KEY_NAME, trace.apiKeyName());
        trace.metadata().forEach((key, value) -> a.put(METADATA_PREFIX + key, value));
        if (captureContent) {
            putIfPresent(a, INPUT_MESSAGES, inputMessages(request));
            putIfPresent(a, OUTPUT_MESSAGES, outputMessages(response));
        }
        return a.build();
    }

    /** One step of the request, usually an upstream attempt: which provider and host, and how it ended. */
    static Attributes attempt(Trace trace, dev.switchboard.gateway.trace.Span span, JsonNode request) {
        AttributesBuilder a = Attributes.builder();
        a.put(OPERATION, operation(trace.endpoint()));
        a.put(STEP_KIND, span.kind());
        putIfPresent(a, TARGET, span.target());
        a.put(RETRY, (long) span.retry());
        putIfPresent(a, PROVIDER, provider(span.provider()));
        putIfPresent(a, REQUEST_MODEL, span.model() != null ? span.model() : requestModel(trace, request));
        if (span.url() != null) {
            try {
                URI url = URI.create(span.url());
                putIfPresent(a, SERVER_ADDRESS, url.getHost());
                if (url.getPort() > 0) {
                    a.put(SERVER_PORT, (long) url.getPort());
                }
            } catch (IllegalArgumentException notAUrl) {
                // The address is only a convenience; the span is still worth exporting.
            }
        }
        if (span.status() != null) {
            a.put(HTTP_STATUS, span.status().longValue());
        }
        if (span.error() != null || (span.status() != null && span.status() >= 400)) {
            a.put(ERROR_TYPE, span.status() != null ? String.valueOf(span.status()) : "upstream_error");
        }
        return a.build();
    }

    static JsonNode parse(String body) {
        if (body == null) {
            return MissingNode.getInstance();
        }
        try {
            return Json.read(body);
        } catch (UncheckedIOException notJson) {
            // Bodies are stored cut at a size limit; a cut one is not JSON any more.
            return MissingNode.getInstance();
        }
    }

    /** The request's messages in the conventions' shape: role plus typed parts. Null when not readable. */
    static String inputMessages(JsonNode request) {
        ArrayNode messages = Json.MAPPER.createArrayNode();
        if (request.path("messages").isArray()) {
            for (JsonNode message : request.path("messages")) {
                ObjectNode out = messages.addObject().put("role", message.path("role").asText("user"));
                ArrayNode parts = out.putArray("parts");
                if ("tool".equals(message.path("role").asText())) {
                    parts.addObject().put("type", "tool_call_response")
                            .put("id", message.path("tool_call_id").asText(null))
                            .set("response", message.path("content"));
                    continue;
                }
                addContent(parts, message.path("content"));
                addToolCalls(parts, message.path("tool_calls"));
            }
        } else if (request.path("prompt").isTextual()) {
            messages.addObject().put("role", "user").putArray("parts").addObject().put("type", "text")
                    .put("content", request.path("prompt").asText());
        } else {
            return null;
        }
        return Json.write(messages);
    }

    /** The response's choices in the conventions' shape. Null when not readable. */
    static String outputMessages(JsonNode response) {
        if (!response.path("choices").isArray()) {
            return null;
        }
        ArrayNode messages = Json.MAPPER.createArrayNode();
        for (JsonNode choice : response.path("choices")) {
            ObjectNode out = messages.addObject().put("role", "assistant");
            ArrayNode parts = out.putArray("parts");
            JsonNode message = choice.path("message");
            addContent(parts, message.isMissingNode() ? choice.path("text") : message.path("content"));
            addToolCalls(parts, message.path("tool_calls"));
            out.put("finish_reason", choice.path("finish_reason").asText(null));
        }
        return Json.write(messages);
    }

    private static void addContent(ArrayNode parts, JsonNode content) {
        if (content.isTextual()) {
            parts.addObject().put("type", "text").put("content", content.asText());
        } else if (content.isArray()) {
            for (JsonNode part : content) {
                String type = part.path("type").asText("");
                if ("text".equals(type)) {
                    parts.addObject().put("type", "text").put("content", part.path("text").asText());
                } else {
                    // Images and audio stay out: they are large and the conventions only reference them.
                    parts.addObject().put("type", type);
                }
            }
        }
    }

    private static void addToolCalls(ArrayNode parts, JsonNode calls) {
        for (JsonNode call : calls) {
            parts.addObject().put("type", "tool_call").put("id", call.path("id").asText(null))
                    .put("name", call.path("function").path("name").asText(null))
                    .put("arguments", call.path("function").path("arguments").asText(null));
        }
    }

    private static <T> void putIfPresent(AttributesBuilder a, AttributeKey<T> key, T value) {
        if (value != null) {
            a.put(key, value);
        }
    }

    static Map<String, String> headers(Trace trace) {
        return trace.requestHeaders() == null ? Map.of() : trace.requestHeaders();
    }
}
