package dev.switchboard.app.playground;

import dev.switchboard.prompts.PromptException;
import dev.switchboard.prompts.model.ChatMessage;
import dev.switchboard.prompts.model.ModelConfig;
import dev.switchboard.prompts.model.PromptTemplate;
import dev.switchboard.prompts.model.PromptVersion;
import dev.switchboard.prompts.render.PromptRenderer;
import dev.switchboard.prompts.render.RenderMode;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Fills {@code {{variables}}} in ad-hoc messages with the prompt library's renderer, so the playground and saved
 * prompts follow the same template rules. Partials need saved prompts, so ad-hoc messages cannot include them.
 */
final class SourceRenderer {
    private final PromptRenderer renderer = new PromptRenderer((name, ref) -> {
        throw PromptException.notFound("Partials such as {{> " + name + "}} need a saved prompt; ad-hoc messages "
                + "cannot include them");
    });

    /** The variable names the messages use, in order. @throws IllegalArgumentException for a broken template */
    List<String> variables(List<Message> messages) {
        try {
            return renderer.variables(version(messages));
        } catch (PromptException e) {
            throw new IllegalArgumentException(e.getMessage());
        }
    }

    /** @throws IllegalArgumentException naming missing variables or the template problem */
    List<Message> render(List<Message> messages, Map<String, String> variables) {
        try {
            return renderer.render(version(messages), variables, RenderMode.STRICT).messages().stream()
                    .map(m -> new Message(m.role(), m.content())).toList();
        } catch (PromptException e) {
            throw new IllegalArgumentException(e.getMessage());
        }
    }

    private static PromptVersion version(List<Message> messages) {
        if (messages.isEmpty()) {
            throw new IllegalArgumentException("Add a message first");
        }
        List<ChatMessage> chat = messages.stream().map(m -> new ChatMessage(m.role(), m.content())).toList();
        return new PromptVersion("playground", 1, new PromptTemplate.Chat(chat), ModelConfig.of(null), "",
                "playground", Instant.EPOCH);
    }
}
