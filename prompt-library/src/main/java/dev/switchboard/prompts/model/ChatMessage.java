package dev.switchboard.prompts.model;

import dev.switchboard.prompts.PromptException;
import java.util.Set;

/** One chat message of a prompt: a role and its content (a Mustache template until rendered). */
public record ChatMessage(String role, String content) {
    /** The roles OpenAI-style chat APIs accept; anything else would only fail later, upstream. */
    public static final Set<String> ROLES = Set.of("system", "developer", "user", "assistant", "tool");

    public ChatMessage {
        if (!ROLES.contains(role)) {
            throw PromptException.invalid("Invalid message role '" + role
                    + "': use system, developer, user, assistant or tool");
        }
        content = content == null ? "" : content;
    }
}
