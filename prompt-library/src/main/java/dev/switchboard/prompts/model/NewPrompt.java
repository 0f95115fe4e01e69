package dev.switchboard.prompts.model;

import java.util.List;

/** What a user supplies to create a prompt; its first version comes with it as a {@link NewVersion}. */
public record NewPrompt(String name, String description, List<String> tags) {
    public NewPrompt {
        Names.requirePromptName(name);
        description = description == null ? "" : description;
        tags = Names.normalizeTags(tags);
    }
}
