package dev.switchboard.prompts.model;

import dev.switchboard.prompts.PromptException;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Pattern;

/** The rules for names users type: prompt names (with folders), labels and tags. */
public final class Names {
    /** The label that always points at the newest version; it moves by itself and cannot be set. */
    public static final String LATEST = "latest";

    private static final int MAX_PROMPT_NAME = 200;
    private static final int MAX_TAG = 100;
    private static final Pattern PROMPT_NAME = Pattern.compile("[A-Za-z0-9_.-]+(/[A-Za-z0-9_.-]+)*");
    // A label starts with a letter so that "name@3" can only ever mean version 3.
    private static final Pattern LABEL = Pattern.compile("[A-Za-z][A-Za-z0-9_.-]{0,63}");

    private Names() {
    }

    /** Returns {@code name} if it is a valid prompt name or folder path, else throws INVALID. */
    public static String requirePromptName(String name) {
        if (name == null || name.length() > MAX_PROMPT_NAME || !PROMPT_NAME.matcher(name).matches()
                // Names become file paths when prompts are exported to git; "." and ".." would escape the folder.
                || Arrays.stream(name.split("/")).anyMatch(segment -> segment.equals(".") || segment.equals(".."))) {
            throw PromptException.invalid("Invalid prompt name '" + name + "': use letters, digits, '-', '_' and '.',"
                    + " with '/' between folders (e.g. support/triage-v2), at most " + MAX_PROMPT_NAME
                    + " characters");
        }
        return name;
    }

    /** Returns {@code label} if it is a valid label name (including {@code latest}), else throws INVALID. */
    public static String requireLabel(String label) {
        if (label == null || !LABEL.matcher(label).matches()) {
            throw PromptException.invalid("Invalid label '" + label + "': start with a letter, then letters, digits,"
                    + " '-', '_' or '.', at most 64 characters");
        }
        return label;
    }

    /** Returns {@code label} if a user may point it at a version: valid and not {@code latest}. */
    public static String requireMovableLabel(String label) {
        if (LATEST.equals(requireLabel(label))) {
            throw PromptException.invalid("The label 'latest' always points at the newest version and cannot be moved");
        }
        return label;
    }

    /** Trims, de-duplicates and sorts tags so that equal tag sets always look the same. */
    public static List<String> normalizeTags(List<String> tags) {
        if (tags == null) {
            return List.of();
        }
        TreeSet<String> normalized = new TreeSet<>();
        for (String tag : tags) {
            String trimmed = tag == null ? "" : tag.strip();
            if (trimmed.isEmpty() || trimmed.length() > MAX_TAG) {
                throw PromptException.invalid("Invalid tag '" + tag + "': tags are 1 to " + MAX_TAG + " characters");
            }
            normalized.add(trimmed);
        }
        return List.copyOf(normalized);
    }
}
