package dev.switchboard.gateway.mock;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads text out of the three providers' message shapes and estimates tokens at about four characters each,
 * which is close enough for plausible usage figures without a tokenizer's cost on the benchmark's hot path.
 */
final class PromptText {
    private static final int CHARS_PER_TOKEN = 4;
    /** Chat formats wrap every request in a few tokens of role markers. */
    private static final int FRAMING_TOKENS = 3;

    private PromptText() {
    }

    /**
     * The text of one message's content: a plain string (OpenAI, Anthropic) or the {@code text} of each part in an
     * array (OpenAI content parts, Anthropic blocks, Gemini parts).
     */
    static String of(JsonNode content) {
        if (content == null || content.isNull() || content.isMissingNode()) {
            return "";
        }
        if (content.isTextual()) {
            return content.asText();
        }
        StringBuilder text = new StringBuilder();
        for (JsonNode part : content) {
            JsonNode partText = part.get("text");
            if (partText != null && partText.isTextual()) {
                text.append(partText.asText());
            }
        }
        return text.toString();
    }

    static int tokens(String text) {
        return Math.max(1, (text.length() + CHARS_PER_TOKEN - 1) / CHARS_PER_TOKEN);
    }

    /** Estimated prompt tokens: every string value in the given parts (messages, system text, tool schemas). */
    static int promptTokens(JsonNode... parts) {
        long chars = 0;
        for (JsonNode part : parts) {
            chars += textLength(part);
        }
        return (int) Math.min(Integer.MAX_VALUE, FRAMING_TOKENS + (chars + CHARS_PER_TOKEN - 1) / CHARS_PER_TOKEN);
    }

    /** Cuts text into token-sized fragments, as a model streams a tool call's arguments. */
    static List<String> fragments(String text) {
        List<String> fragments = new ArrayList<>(text.length() / CHARS_PER_TOKEN + 1);
        for (int start = 0; start < text.length(); start += CHARS_PER_TOKEN) {
            fragments.add(text.substring(start, Math.min(text.length(), start + CHARS_PER_TOKEN)));
        }
        return fragments;
    }

    private static long textLength(JsonNode node) {
        if (node == null) {
            return 0;
        }
        if (node.isTextual()) {
            return node.asText().length();
        }
        long length = 0;
        for (JsonNode child : node) {
            length += textLength(child);
        }
        return length;
    }
}
