package dev.switchboard.app.settings;

import java.time.Duration;

/**
 * What the user asked the embedded gateway to keep.
 *
 * @param maxAge   null keeps traces of any age
 * @param maxBytes 0 sets no size limit
 */
public record RetentionLimits(Duration maxAge, long maxBytes) {
    private static final long BYTES_PER_GB = 1024L * 1024 * 1024;

    public static RetentionLimits of(AppSettings settings) {
        int days = settings.retentionDays().get();
        double gb = settings.retentionMaxGb().get();
        return new RetentionLimits(days > 0 ? Duration.ofDays(days) : null, gb > 0 ? (long) (gb * BYTES_PER_GB) : 0);
    }

    public boolean keepsAll() {
        return maxAge == null && maxBytes <= 0;
    }
}
