package dev.switchboard.gateway.provider.gemini;

import dev.switchboard.gateway.provider.FinishReason;

/** Maps Gemini's {@code finishReason} onto OpenAI's {@code finish_reason}. */
final class GeminiFinishReason {
    private GeminiFinishReason() {
    }

    /**
     * Gemini says STOP after function calls too, where OpenAI clients look for {@code tool_calls} before running
     * tools. Null while a stream is still going; reasons without an OpenAI equivalent count as a normal stop.
     */
    static FinishReason toFinishReason(String geminiReason, boolean calledFunctions) {
        if (geminiReason == null) {
            return null;
        }
        return switch (geminiReason) {
            case "MAX_TOKENS" -> FinishReason.LENGTH;
            case "SAFETY", "RECITATION", "BLOCKLIST", "PROHIBITED_CONTENT", "SPII", "IMAGE_SAFETY",
                 "IMAGE_PROHIBITED_CONTENT", "IMAGE_RECITATION" -> FinishReason.CONTENT_FILTER;
            default -> calledFunctions ? FinishReason.TOOL_CALLS : FinishReason.STOP;
        };
    }
}
