package dev.switchboard.prompts.model;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A prompt with its whole history: every version (oldest first) and the labels that point into it. {@code latest}
 * is not among the labels: it is always {@link #latestVersion()}.
 */
public record PromptDetails(Prompt prompt, List<PromptVersion> versions, Map<String, Integer> labels) {
    public PromptDetails {
        versions = List.copyOf(versions);
        labels = Collections.unmodifiableMap(new TreeMap<>(labels));
    }

    public int latestVersion() {
        return versions.isEmpty() ? 0 : versions.getLast().number();
    }
}
