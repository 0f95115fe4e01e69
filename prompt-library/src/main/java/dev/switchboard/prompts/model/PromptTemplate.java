package dev.switchboard.prompts.model;

import dev.switchboard.prompts.PromptException;
import java.util.List;
import java.util.Objects;

/** The content of a version: either chat messages or one plain text template. */
public sealed interface PromptTemplate permits PromptTemplate.Chat, PromptTemplate.Text {

    /** A chat prompt: messages in order, each content a Mustache template. */
    record Chat(List<ChatMessage> messages) implements PromptTemplate {
        public Chat {
            if (messages == null || messages.isEmpty()) {
                throw PromptException.invalid("A chat prompt needs at least one message");
            }
            messages = List.copyOf(messages);
        }
    }

    /** A text prompt: one Mustache template; the only kind another prompt can include as a partial. */
    record Text(String text) implements PromptTemplate {
        public Text {
            Objects.requireNonNull(text, "text");
        }
    }
}
