package dev.switchboard.gateway.trace;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.switchboard.gateway.Json;
import dev.switchboard.gateway.cost.PriceTable;
import dev.switchboard.gateway.cost.TokenEstimator;
import dev.switchboard.gateway.cost.TokenUsage;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;

/**
 * Turns a {@link TraceDraft} into the stored {@link Trace}: reads usage from the response (or estimates it),
 * prices it, folds streams into one completion, and caps the stored bodies. Runs on the writer thread only.
 */
public final class TraceAssembler {
    private final PriceTable prices;
    private final TokenEstimator estimator;
    private final BodyCapture capture;

    /** How much of each body is stored; {@code maxChars} 0 stores none. */
    public record BodyCapture(boolean enabled, int maxChars) {
        public static final BodyCapture DEFAULT = new BodyCapture(true, 256 * 1024);

        String apply(String body) {
            if (!enabled || body == null) {
                return null;
            }
            if (body.length() <= maxChars) {
                return body;
            }
            return body.substring(0, maxChars) + "\n…[truncated " + (body.length() - maxChars) + " characters]";
        }
    }

    public TraceAssembler(PriceTable prices, TokenEstimator estimator, BodyCapture capture) {
        this.prices = prices;
        this.estimator = estimator;
        this.capture = capture;
    }

    public Trace assemble(TraceDraft draft) {
        JsonNode request = parse(draft.requestBody);
        String responseText = draft.streamChunks != null
                ? (draft.streamChunks.isEmpty() ? null : Json.write(StreamAccumulator.fold(draft.streamChunks)))
                : draft.responseBody == null ? null : new String(draft.responseBody, StandardCharsets.UTF_8);
        JsonNode response = responseText == null ? MissingNode.getInstance() : parse(responseText);
        String model = response.path("model").asText("");
        if (model.isEmpty()) {
            model = draft.model;
        }
        TokenUsage usage = usage(draft, model, request, response);
        BigDecimal cost = usage == null ? null : prices.cost(model, usage, request).orElse(null);
        BigDecimal saved = null;
        if (draft.servedFromCache && cost != null) {
            saved = cost;
            cost = BigDecimal.ZERO;
        }
        String finishReason = response.path("choices").path(0).path("finish_reason").asText(null);
        String requestText = draft.requestBody == null ? null
                : new String(draft.requestBody, StandardCharsets.UTF_8);
        return new Trace(draft.id, draft.clientTraceId, draft.startedAt, draft.durationMs, draft.ttftMs,
                draft.status, draft.provider, model, draft.endpoint, draft.stream,
                usage == null ? null : usage.input(), usage == null ? null : usage.output(),
                usage == null ? null : usage.cachedInput(), usage == null ? null : usage.reasoning(),
                usage != null && usage.estimated(), cost, finishReason, draft.metadata, draft.error,
                draft.promptName, draft.promptVersion, draft.cacheStatus, saved, draft.apiKeyName,
                capture.apply(requestText), capture.apply(responseText), draft.requestHeaders, draft.spans,
                draft.hookResults);
    }

    private TokenUsage usage(TraceDraft draft, String model, JsonNode request, JsonNode response) {
        JsonNode usage = response.path("usage");
        if (usage.isObject() && usage.has("prompt_tokens")) {
            return new TokenUsage(usage.path("prompt_tokens").asInt(), usage.path("completion_tokens").asInt(),
                    usage.path("prompt_tokens_details").path("cached_tokens").asInt(),
                    usage.path("completion_tokens_details").path("reasoning_tokens").asInt(), false);
        }
        if (draft.status >= 400 || request.isMissingNode()) {
            return null;
        }
        int input = switch (draft.endpoint) {
            case "embeddings" -> estimator.countText(model, TokenEstimator.textOf(request.path("input")));
            case "completions" -> estimator.countText(model, TokenEstimator.textOf(request.path("prompt")));
            default -> estimator.countMessages(model, request.path("messages"));
        };
        int output = estimator.countText(model, outputText(response));
        return new TokenUsage(input, output, 0, 0, true);
    }

    private static String outputText(JsonNode response) {
        StringBuilder text = new StringBuilder();
        for (JsonNode choice : response.path("choices")) {
            JsonNode message = choice.path("message");
            text.append(message.path("content").asText(choice.path("text").asText("")));
            for (JsonNode call : message.path("tool_calls")) {
                text.append(call.path("function").path("name").asText(""))
                        .append(call.path("function").path("arguments").asText(""));
            }
        }
        return text.toString();
    }

    private static JsonNode parse(byte[] body) {
        return body == null ? MissingNode.getInstance() : parse(new String(body, StandardCharsets.UTF_8));
    }

    private static JsonNode parse(String body) {
        try {
            return Json.read(body);
        } catch (UncheckedIOException notJson) {
            return MissingNode.getInstance();
        }
    }
}
