package dev.switchboard.prompts.model;

import java.util.List;

/**
 * A version with its templates filled in, ready to become a chat request: messages plus the version's model
 * config. A text prompt renders to one {@code user} message.
 */
public record RenderedPrompt(String promptName, int version, List<ChatMessage> messages, ModelConfig config) {
    public RenderedPrompt {
        messages = List.copyOf(messages);
    }
}
