package dev.switchboard.app.traces;

import dev.switchboard.gateway.trace.Trace;
import dev.switchboard.gateway.trace.TraceQuery;
import java.util.Locale;

/**
 * Decides whether a live trace belongs in the filtered list without asking the store. Live traces carry no bodies,
 * so a free-text filter can only be decided by the store: {@link #needsStore} says so.
 */
final class LiveMatcher {
    private LiveMatcher() {
    }

    static boolean needsStore(TraceQuery q) {
        return q.text() != null;
    }

    static boolean matches(Trace t, TraceQuery q) {
        return equal(q.provider(), t.provider()) && equal(q.model(), t.model())
                && equal(q.promptName(), t.promptName()) && status(q.status(), t)
                && (q.from() == null || !t.startedAt().isBefore(q.from()))
                && (q.to() == null || t.startedAt().isBefore(q.to()))
                && (q.minDurationMs() == null || t.durationMs() >= q.minDurationMs())
                && (q.minCostUsd() == null || (t.costUsd() != null && t.costUsd().compareTo(q.minCostUsd()) >= 0))
                && metadata(q, t);
    }

    private static boolean equal(String wanted, String actual) {
        return wanted == null || wanted.equals(actual);
    }

    private static boolean status(String wanted, Trace t) {
        if (wanted == null) {
            return true;
        }
        return switch (wanted.toLowerCase(Locale.ROOT)) {
            case "ok" -> t.ok();
            case "error" -> !t.ok();
            default -> wanted.equals(Integer.toString(t.status()));
        };
    }

    private static boolean metadata(TraceQuery q, Trace t) {
        if (q.metadataKey() == null) {
            return true;
        }
        String value = t.metadata().get(q.metadataKey());
        return value != null && (q.metadataValue() == null || q.metadataValue().equals(value));
    }
}
