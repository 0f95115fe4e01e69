package dev.switchboard.prompts.diff;

import java.util.List;

/**
 * The differences between two versions of a prompt.
 *
 * @param messages per-message diffs, one per position in either version
 * @param settings line diff of the model settings (model, provider, parameters, tools, response_format) as
 *                 pretty-printed JSON with sorted keys, so only real changes show
 */
public record PromptDiff(String promptName, int oldVersion, int newVersion, List<MessageDiff> messages,
                         List<DiffLine> settings) {
    public PromptDiff {
        messages = List.copyOf(messages);
        settings = List.copyOf(settings);
    }

    /** Nothing but the version metadata (author, time, commit message) differs. */
    public boolean identical() {
        return messages.stream().allMatch(message -> message.change() == MessageDiff.Change.UNCHANGED)
                && settings.stream().allMatch(line -> line.kind() == DiffLine.Kind.EQUAL);
    }
}
