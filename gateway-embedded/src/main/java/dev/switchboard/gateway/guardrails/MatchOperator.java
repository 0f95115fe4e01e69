package dev.switchboard.gateway.guardrails;

import java.util.Locale;

/** How many of a list of expected items must be present: Portkey's {@code any | all | none}. */
enum MatchOperator {
    ANY, ALL, NONE;

    boolean test(int found, int total) {
        return switch (this) {
            case ANY -> found > 0;
            case ALL -> found == total;
            case NONE -> found == 0;
        };
    }

    String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
