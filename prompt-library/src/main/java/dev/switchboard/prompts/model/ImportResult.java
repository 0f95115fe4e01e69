package dev.switchboard.prompts.model;

/**
 * What importing one prompt changed.
 *
 * @param created           the prompt did not exist before
 * @param versionsAdded     versions appended to the stored history
 * @param versionsUnchanged versions already stored, identical, so skipped
 * @param labelsMoved       labels created or moved to match the document (each recorded in the label history)
 */
public record ImportResult(String promptName, boolean created, int versionsAdded, int versionsUnchanged,
                           int labelsMoved) {
}
