package dev.switchboard.prompts.diff;

import java.util.List;

/**
 * How one message changed between two versions; messages are paired by position. A text prompt counts as one
 * message whose role is {@code null}.
 *
 * @param index   0-based position of the message
 * @param oldRole role in the old version, {@code null} if the message was added
 * @param newRole role in the new version, {@code null} if the message was removed
 * @param lines   the content's line diff (all INSERT for an added message, all DELETE for a removed one)
 */
public record MessageDiff(int index, Change change, String oldRole, String newRole, List<DiffLine> lines) {

    /** What happened to the message as a whole. */
    public enum Change { UNCHANGED, CHANGED, ADDED, REMOVED }

    public MessageDiff {
        lines = List.copyOf(lines);
    }

    /** The message exists in both versions with different roles. */
    public boolean roleChanged() {
        return change != Change.ADDED && change != Change.REMOVED
                && (oldRole == null ? newRole != null : !oldRole.equals(newRole));
    }
}
