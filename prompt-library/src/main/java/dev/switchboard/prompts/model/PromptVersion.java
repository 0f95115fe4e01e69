package dev.switchboard.prompts.model;

import dev.switchboard.prompts.PromptException;
import java.time.Instant;
import java.util.Objects;

/** One immutable version of a prompt, numbered 1, 2, 3... in the order it was added. */
public record PromptVersion(String promptName, int number, PromptTemplate template, ModelConfig config,
                            String commitMessage, String author, Instant createdAt) {
    public PromptVersion {
        Names.requirePromptName(promptName);
        if (number < 1) {
            throw PromptException.invalid("Version numbers start at 1, got " + number);
        }
        Objects.requireNonNull(template, "template");
        Objects.requireNonNull(config, "config");
        commitMessage = commitMessage == null ? "" : commitMessage;
        Objects.requireNonNull(author, "author");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    /** Gives a {@link NewVersion} the number and time the store chose for it. */
    public static PromptVersion of(String promptName, int number, NewVersion version, Instant createdAt) {
        return new PromptVersion(promptName, number, version.template(), version.config(), version.commitMessage(),
                version.author(), createdAt);
    }
}
