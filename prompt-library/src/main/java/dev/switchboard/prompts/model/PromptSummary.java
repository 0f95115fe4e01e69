package dev.switchboard.prompts.model;

import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** One row of the prompt list: catalogue data plus where its history stands. */
public record PromptSummary(String name, String description, List<String> tags, int latestVersion,
                            Map<String, Integer> labels, Instant updatedAt) {
    public PromptSummary {
        tags = List.copyOf(tags);
        labels = Collections.unmodifiableMap(new TreeMap<>(labels));
    }
}
