package dev.switchboard.gateway.routing;

import java.util.Set;

/**
 * Portkey's {@code retry}: up to {@code attempts} more tries after the first when the provider answers one of
 * {@code onStatusCodes}, with exponential backoff and jitter, or the provider's {@code Retry-After} when asked.
 */
public record RetryPolicy(int attempts, Set<Integer> onStatusCodes, boolean useRetryAfterHeader) {
    public static final Set<Integer> DEFAULT_STATUS_CODES = Set.of(429, 500, 502, 503, 504);
    public static final int MAX_ATTEMPTS = 5;
    public static final RetryPolicy NONE = new RetryPolicy(0, DEFAULT_STATUS_CODES, false);

    public RetryPolicy {
        onStatusCodes = Set.copyOf(onStatusCodes);
    }

    public boolean retries(int status) {
        return onStatusCodes.contains(status);
    }
}
