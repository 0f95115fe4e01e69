package dev.switchboard.app.common;

import java.time.Duration;

/** Time range presets shared by the trace filters and the usage view. */
public enum TimeRange {
    ANY("Any time", null),
    LAST_15_MINUTES("Last 15 minutes", Duration.ofMinutes(15)),
    LAST_HOUR("Last hour", Duration.ofHours(1)),
    LAST_24_HOURS("Last 24 hours", Duration.ofHours(24)),
    LAST_7_DAYS("Last 7 days", Duration.ofDays(7)),
    LAST_30_DAYS("Last 30 days", Duration.ofDays(30)),
    CUSTOM("Custom…", null);

    private final String label;
    private final Duration length;

    TimeRange(String label, Duration length) {
        this.label = label;
        this.length = length;
    }

    /** How far back the preset reaches from now; null for {@link #ANY} and {@link #CUSTOM}. */
    public Duration length() {
        return length;
    }

    @Override
    public String toString() {
        return label;
    }
}
