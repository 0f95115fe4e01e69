package dev.switchboard.prompts.diff;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.switchboard.prompts.model.ModelConfig;
import dev.switchboard.prompts.model.PromptTemplate;
import dev.switchboard.prompts.model.PromptVersion;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Compares two versions message by message and setting by setting. */
public final class PromptDiffer {
    // Sorted keys and fixed "\n" line ends: the same settings always print the same lines, on every OS.
    private final ObjectWriter settingsWriter = JsonMapper.builder()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .build()
            .writer(new DefaultPrettyPrinter().withObjectIndenter(new DefaultIndenter("  ", "\n")));

    public PromptDiff diff(PromptVersion oldVersion, PromptVersion newVersion) {
        List<Entry> oldEntries = entries(oldVersion.template());
        List<Entry> newEntries = entries(newVersion.template());
        List<MessageDiff> messages = new ArrayList<>();
        for (int i = 0; i < Math.max(oldEntries.size(), newEntries.size()); i++) {
            messages.add(message(i, i < oldEntries.size() ? oldEntries.get(i) : null,
                    i < newEntries.size() ? newEntries.get(i) : null));
        }
        return new PromptDiff(oldVersion.promptName(), oldVersion.number(), newVersion.number(), messages,
                LineDiff.of(settings(oldVersion.config()), settings(newVersion.config())));
    }

    /** A message to compare; a text prompt is one entry without a role. */
    private record Entry(String role, String content) {
    }

    private static List<Entry> entries(PromptTemplate template) {
        return switch (template) {
            case PromptTemplate.Chat chat -> chat.messages().stream()
                    .map(message -> new Entry(message.role(), message.content()))
                    .toList();
            case PromptTemplate.Text text -> List.of(new Entry(null, text.text()));
        };
    }

    private static MessageDiff message(int index, Entry before, Entry after) {
        List<DiffLine> lines = LineDiff.of(before == null ? null : before.content(),
                after == null ? null : after.content());
        MessageDiff.Change change;
        if (before == null) {
            change = MessageDiff.Change.ADDED;
        } else if (after == null) {
            change = MessageDiff.Change.REMOVED;
        } else if (before.equals(after)) {
            change = MessageDiff.Change.UNCHANGED;
        } else {
            change = MessageDiff.Change.CHANGED;
        }
        return new MessageDiff(index, change, before == null ? null : before.role(),
                after == null ? null : after.role(), lines);
    }

    private String settings(ModelConfig config) {
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("model", config.model());
        settings.put("provider", config.provider());
        settings.put("parameters", config.parameters());
        settings.put("tools", config.tools());
        settings.put("response_format", config.responseFormat());
        try {
            return settingsWriter.writeValueAsString(settings);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot print model settings", e);
        }
    }
}
