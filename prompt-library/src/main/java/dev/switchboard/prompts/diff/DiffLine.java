package dev.switchboard.prompts.diff;

/**
 * One line of a line diff, ready for a UI to colour.
 *
 * @param oldLine 1-based line in the old text, {@code null} for an inserted line
 * @param newLine 1-based line in the new text, {@code null} for a deleted line
 */
public record DiffLine(Kind kind, Integer oldLine, Integer newLine, String text) {

    /** Whether the line is in both texts, only the new one, or only the old one. */
    public enum Kind { EQUAL, INSERT, DELETE }
}
