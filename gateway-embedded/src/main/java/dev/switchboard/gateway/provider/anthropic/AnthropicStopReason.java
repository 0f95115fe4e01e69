package dev.switchboard.gateway.provider.anthropic;

import dev.switchboard.gateway.provider.FinishReason;

/** Maps Anthropic's {@code stop_reason} onto OpenAI's {@code finish_reason}. */
final class AnthropicStopReason {
    private AnthropicStopReason() {
    }

    /** Null while the message is still going; unknown future reasons count as a normal stop. */
    static FinishReason toFinishReason(String stopReason) {
        if (stopReason == null) {
            return null;
        }
        return switch (stopReason) {
            case "tool_use" -> FinishReason.TOOL_CALLS;
            case "max_tokens", "model_context_window_exceeded" -> FinishReason.LENGTH;
            case "refusal" -> FinishReason.CONTENT_FILTER;
            default -> FinishReason.STOP; // end_turn, stop_sequence, pause_turn
        };
    }
}
