package dev.switchboard.prompts.model;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** A prompt's catalogue entry: name, description and tags; its content lives in immutable {@link PromptVersion}s. */
public record Prompt(String name, String description, List<String> tags, Instant createdAt) {
    public Prompt {
        Names.requirePromptName(name);
        description = description == null ? "" : description;
        tags = Names.normalizeTags(tags);
        Objects.requireNonNull(createdAt, "createdAt");
    }
}
