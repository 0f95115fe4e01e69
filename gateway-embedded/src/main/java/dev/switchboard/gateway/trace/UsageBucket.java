package dev.switchboard.gateway.trace;

import java.time.Duration;
import java.time.Instant;

/** Usage totals of one group within one time bucket starting at {@code start}. */
public record UsageBucket(Instant start, Duration width, UsageGroup totals) {
}
