package dev.switchboard.gateway.mock;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Faults a demo or test asks for by writing markers into its last message: {@code [mock:error 429]} answers that
 * HTTP status, {@code [mock:slow 3000]} waits that many milliseconds first, {@code [mock:break]} drops the
 * connection part-way through the reply. Markers combine.
 *
 * @param errorStatus status to answer with, or 0 for none
 */
record FaultMarkers(int errorStatus, long slowMs, boolean breakConnection) {
    static final FaultMarkers NONE = new FaultMarkers(0, 0, false);
    /** Caps {@code [mock:slow]} so a typo cannot park a request for hours. */
    static final long MAX_SLOW_MS = 120_000;

    private static final String PREFIX = "[mock:";
    private static final Pattern MARKER = Pattern.compile("\\[mock:(error (\\d{3})|slow (\\d{1,9})|break)]");

    static FaultMarkers in(String text) {
        // Nearly every request has no marker; skip the regex for those, as the benchmark sends thousands a second.
        if (text == null || !text.contains(PREFIX)) {
            return NONE;
        }
        int status = 0;
        long slowMs = 0;
        boolean breakConnection = false;
        Matcher marker = MARKER.matcher(text);
        while (marker.find()) {
            if (marker.group(2) != null) {
                int requested = Integer.parseInt(marker.group(2));
                status = requested >= 400 && requested <= 599 ? requested : status;
            } else if (marker.group(3) != null) {
                slowMs = Math.min(MAX_SLOW_MS, Long.parseLong(marker.group(3)));
            } else {
                breakConnection = true;
            }
        }
        return new FaultMarkers(status, slowMs, breakConnection);
    }

    void throwRequestedError() {
        if (errorStatus != 0) {
            throw new MockException(errorStatus, "Mock provider: HTTP " + errorStatus
                    + " injected by [mock:error " + errorStatus + "]");
        }
    }
}
