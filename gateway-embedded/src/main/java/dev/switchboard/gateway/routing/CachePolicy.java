package dev.switchboard.gateway.routing;

import java.time.Duration;

/** Portkey's {@code cache}: exact-match caching of whole answers for {@code maxAge}. */
public record CachePolicy(Duration maxAge) {
    public static final Duration DEFAULT_MAX_AGE = Duration.ofDays(7);
}
