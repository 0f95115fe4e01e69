package dev.switchboard.gateway.cost;

import com.fasterxml.jackson.databind.JsonNode;
import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingRegistry;
import com.knuddels.jtokkit.api.EncodingType;
import java.util.Locale;

/**
 * Estimates token counts with OpenAI's tokenizers when a provider reports none (e.g. a stream without usage).
 * Other vendors' tokenizers differ, so results are marked estimated; o200k is used for current OpenAI models,
 * cl100k for everything else, which is closer for most non-OpenAI models than a character ratio.
 */
public final class TokenEstimator {
    /** OpenAI's documented per-message framing overhead for chat formats. */
    private static final int TOKENS_PER_MESSAGE = 3;
    private static final int TOKENS_PER_REPLY = 3;

    private final EncodingRegistry registry = Encodings.newLazyEncodingRegistry();

    public int countText(String model, String text) {
        return text == null || text.isEmpty() ? 0 : encoding(model).countTokensOrdinary(text);
    }

    /** Input tokens of a chat request's {@code messages} (text parts only; images are not counted). */
    public int countMessages(String model, JsonNode messages) {
        Encoding encoding = encoding(model);
        int total = TOKENS_PER_REPLY;
        for (JsonNode message : messages) {
            total += TOKENS_PER_MESSAGE;
            total += encoding.countTokensOrdinary(message.path("role").asText(""));
            total += encoding.countTokensOrdinary(textOf(message.path("content")));
            for (JsonNode call : message.path("tool_calls")) {
                total += encoding.countTokensOrdinary(call.path("function").path("name").asText(""));
                total += encoding.countTokensOrdinary(call.path("function").path("arguments").asText(""));
            }
        }
        return total;
    }

    /** Text of an input that is a string, an array of strings, or OpenAI content parts. */
    public static String textOf(JsonNode content) {
        if (content.isTextual()) {
            return content.asText();
        }
        StringBuilder text = new StringBuilder();
        for (JsonNode part : content) {
            if (part.isTextual()) {
                text.append(part.asText()).append('\n');
            } else if (part.has("text")) {
                text.append(part.path("text").asText()).append('\n');
            }
        }
        return text.toString();
    }

    private Encoding encoding(String model) {
        String lower = model == null ? "" : model.toLowerCase(Locale.ROOT);
        boolean o200k = lower.startsWith("gpt-4o") || lower.startsWith("gpt-4.1") || lower.startsWith("gpt-5")
                || lower.startsWith("o1") || lower.startsWith("o3") || lower.startsWith("o4");
        return registry.getEncoding(o200k ? EncodingType.O200K_BASE : EncodingType.CL100K_BASE);
    }
}
