package dev.switchboard.prompts.model;

/**
 * Filters for listing prompts; each is optional ({@code null}) and they combine with AND.
 *
 * @param nameContains case-insensitive part of the name
 * @param tag          exact tag
 * @param folder       folder path: matches prompts inside it, at any depth ({@code support} matches
 *                     {@code support/triage} and {@code support/mail/reply})
 */
public record PromptQuery(String nameContains, String tag, String folder) {
    public PromptQuery {
        nameContains = blankToNull(nameContains);
        tag = blankToNull(tag);
        folder = blankToNull(folder);
        if (folder != null) {
            Names.requirePromptName(folder);
        }
    }

    public static PromptQuery all() {
        return new PromptQuery(null, null, null);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
