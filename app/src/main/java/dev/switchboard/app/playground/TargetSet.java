package dev.switchboard.app.playground;

import java.util.List;

/** A named list of targets saved for reuse, e.g. "cheap models" or "our production trio". */
public record TargetSet(String name, List<Target> targets) {
    public TargetSet {
        targets = List.copyOf(targets);
    }

    @Override
    public String toString() {
        return name + " (" + targets.size() + ")";
    }
}
