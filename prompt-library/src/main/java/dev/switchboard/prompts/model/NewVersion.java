package dev.switchboard.prompts.model;

import dev.switchboard.prompts.PromptException;
import java.util.Objects;

/** What a user supplies for a new version; the store adds its number and creation time. */
public record NewVersion(PromptTemplate template, ModelConfig config, String commitMessage, String author) {
    public NewVersion {
        Objects.requireNonNull(template, "template");
        config = config == null ? ModelConfig.of(null) : config;
        commitMessage = commitMessage == null ? "" : commitMessage;
        if (author == null || author.isBlank()) {
            throw PromptException.invalid("A version needs an author");
        }
    }
}
