package dev.switchboard.gateway;

/**
 * How much heap a bounded buffer or cache may hold: a share of the heap this JVM was given, capped. The headless
 * gateway runs in a small heap and the desktop app in a large one; fixed sizes would crowd the one or starve the
 * other.
 */
public final class HeapBudget {
    private HeapBudget() {
    }

    /** {@code percent} of the maximum heap, in bytes, but never more than {@code capBytes}. */
    public static long bytes(int percent, long capBytes) {
        return Math.min(capBytes, Runtime.getRuntime().maxMemory() / 100 * percent);
    }
}
