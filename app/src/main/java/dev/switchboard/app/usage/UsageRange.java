package dev.switchboard.app.usage;

import dev.switchboard.app.common.TimeRange;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * A resolved time range for the usage view, with a bucket width that gives charts 30-60 bars whatever the range.
 *
 * @param bucket bucket width; buckets start at multiples of it since the epoch, as the store aligns them
 */
public record UsageRange(Instant from, Instant to, Duration bucket) {
    private static final Duration[] NICE = {Duration.ofMinutes(1), Duration.ofMinutes(5), Duration.ofMinutes(15),
        Duration.ofMinutes(30), Duration.ofHours(1), Duration.ofHours(3), Duration.ofHours(4), Duration.ofHours(6),
        Duration.ofHours(12), Duration.ofDays(1), Duration.ofDays(7)};
    private static final int MAX_BUCKETS = 60;

    /**
     * @throws IllegalArgumentException with a readable message when a custom range is incomplete or reversed
     */
    public static UsageRange of(TimeRange preset, LocalDate customFrom, LocalDate customTo, Instant now, ZoneId zone) {
        Instant from;
        Instant to;
        if (preset == TimeRange.CUSTOM) {
            if (customFrom == null || customTo == null) {
                throw new IllegalArgumentException("Pick both a start and an end date");
            }
            if (customTo.isBefore(customFrom)) {
                throw new IllegalArgumentException("The end date is before the start date");
            }
            from = customFrom.atStartOfDay(zone).toInstant();
            to = customTo.plusDays(1).atStartOfDay(zone).toInstant();
        } else {
            Duration length = preset == null || preset.length() == null ? Duration.ofHours(24) : preset.length();
            to = now;
            from = now.minus(length);
        }
        return new UsageRange(from, to, bucketFor(Duration.between(from, to)));
    }

    static Duration bucketFor(Duration span) {
        for (Duration nice : NICE) {
            if (span.dividedBy(nice) <= MAX_BUCKETS) {
                return nice;
            }
        }
        return NICE[NICE.length - 1];
    }

    /** Start of the first bucket that overlaps the range. */
    public Instant firstBucket() {
        long width = bucket.toMillis();
        return Instant.ofEpochMilli(Math.floorDiv(from.toEpochMilli(), width) * width);
    }
}
