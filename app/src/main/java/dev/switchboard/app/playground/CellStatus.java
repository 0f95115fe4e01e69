package dev.switchboard.app.playground;

/** Where one call of a run stands. */
public enum CellStatus {
    QUEUED, RUNNING, DONE, FAILED, CANCELLED;

    /** Whether the call has ended, one way or another. */
    public boolean finished() {
        return this == DONE || this == FAILED || this == CANCELLED;
    }
}
