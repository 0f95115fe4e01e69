package dev.switchboard.gateway.routing;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.concurrent.ThreadLocalRandom;

/** How long to wait before retry {@code n}: exponential with jitter, or what the provider's Retry-After says. */
final class Backoff {
    private static final Duration BASE = Duration.ofMillis(250);
    private static final Duration CAP = Duration.ofSeconds(8);
    /** A provider asking for longer than this is not worth holding the caller for. */
    static final Duration MAX_RETRY_AFTER = Duration.ofSeconds(60);

    private Backoff() {
    }

    static Duration delay(int retry, String retryAfter, boolean useRetryAfter) {
        if (useRetryAfter && retryAfter != null) {
            Duration asked = parseRetryAfter(retryAfter);
            if (asked != null) {
                return asked.compareTo(MAX_RETRY_AFTER) > 0 ? MAX_RETRY_AFTER : asked;
            }
        }
        long exponential = Math.min(CAP.toMillis(), BASE.toMillis() << Math.min(retry, 10));
        // Jitter in [50%, 100%] spreads retries of many callers hit by the same outage.
        long jittered = exponential / 2 + ThreadLocalRandom.current().nextLong(exponential / 2 + 1);
        return Duration.ofMillis(jittered);
    }

    /** Seconds ({@code 7}, {@code 1.5}) or an HTTP date. */
    static Duration parseRetryAfter(String value) {
        String trimmed = value.trim();
        try {
            double seconds = Double.parseDouble(trimmed);
            return seconds < 0 ? null : Duration.ofMillis(Math.round(seconds * 1000));
        } catch (NumberFormatException notSeconds) {
            try {
                Instant at = ZonedDateTime.parse(trimmed, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                Duration until = Duration.between(Instant.now(), at);
                return until.isNegative() ? Duration.ZERO : until;
            } catch (DateTimeParseException neither) {
                return null;
            }
        }
    }
}
