package dev.switchboard.app.prompts;

/**
 * A label move the user asked for and has yet to confirm.
 *
 * @param fromVersion where the label points now, null if it is new
 * @param question    what the confirmation asks, naming both versions
 */
public record LabelMoveRequest(String prompt, String label, Integer fromVersion, int toVersion, String question) {
}
