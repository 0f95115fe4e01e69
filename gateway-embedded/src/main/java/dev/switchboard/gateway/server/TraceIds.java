package dev.switchboard.gateway.server;

import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

/** Trace ids that sort by creation time: 12 hex digits of epoch milliseconds, then 16 random ones. */
final class TraceIds {
    private TraceIds() {
    }

    static String next() {
        HexFormat hex = HexFormat.of();
        return hex.toHexDigits(System.currentTimeMillis()).substring(4)
                + hex.toHexDigits(ThreadLocalRandom.current().nextLong());
    }
}
