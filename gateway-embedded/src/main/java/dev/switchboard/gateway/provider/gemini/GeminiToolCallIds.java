package dev.switchboard.gateway.provider.gemini;

import java.util.Base64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tool-call ids for Gemini, which has none of its own. Gemini 3 also attaches a {@code thoughtSignature} to
 * function calls and rejects the next turn unless it comes back with the call; OpenAI clients only send back the
 * call id, so the signature travels inside it. The id stays within {@code [A-Za-z0-9_-]} so that a conversation
 * can still move to a provider with strict id rules (Anthropic) on fallback.
 */
final class GeminiToolCallIds {
    private static final Logger log = LoggerFactory.getLogger(GeminiToolCallIds.class);
    private static final String PREFIX = "call_";
    /** Generated parts are alphanumeric, so the first "__" after the prefix starts the signature. */
    private static final String SIGNATURE_SEPARATOR = "__";

    private GeminiToolCallIds() {
    }

    static String create(String uniquePart, String thoughtSignature) {
        if (thoughtSignature == null) {
            return PREFIX + uniquePart;
        }
        byte[] signature;
        try {
            // Proto JSON writes bytes as standard base64 but readers must accept the URL-safe alphabet too.
            signature = Base64.getDecoder().decode(thoughtSignature.replace('-', '+').replace('_', '/'));
        } catch (IllegalArgumentException e) {
            log.warn("Gemini sent a thoughtSignature that is not base64; the next turn may be rejected");
            return PREFIX + uniquePart;
        }
        return PREFIX + uniquePart + SIGNATURE_SEPARATOR
                + Base64.getUrlEncoder().withoutPadding().encodeToString(signature);
    }

    /** The signature carried by an id this class made, or null for any other id. */
    static String thoughtSignature(String toolCallId) {
        if (!toolCallId.startsWith(PREFIX)) {
            return null;
        }
        int separator = toolCallId.indexOf(SIGNATURE_SEPARATOR, PREFIX.length());
        if (separator < 0) {
            return null;
        }
        byte[] signature;
        try {
            signature = Base64.getUrlDecoder().decode(toolCallId.substring(separator + SIGNATURE_SEPARATOR.length()));
        } catch (IllegalArgumentException e) {
            return null; // someone else's id that happens to contain "__": it carries no signature
        }
        return Base64.getEncoder().encodeToString(signature);
    }
}
