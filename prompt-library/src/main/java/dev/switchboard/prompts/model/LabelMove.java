package dev.switchboard.prompts.model;

import java.time.Instant;

/**
 * One recorded change of a label, so users can see who moved it and undo it.
 *
 * @param fromVersion where the label pointed before, {@code null} if it did not exist
 * @param toVersion   where it points after, {@code null} if it was removed
 */
public record LabelMove(String promptName, String label, Integer fromVersion, Integer toVersion, String movedBy,
                        Instant movedAt) {
}
