package dev.switchboard.gateway.provider;

import java.io.IOException;
import okio.BufferedSource;

/**
 * Reads server-sent events from an upstream body one at a time, as soon as each is complete, so the gateway can
 * forward it without waiting for more. Follows the SSE rules that matter here: {@code event:} and multi-line
 * {@code data:} fields, comments ignored, a blank line ends an event.
 */
public final class SseReader {
    private final BufferedSource source;

    public SseReader(BufferedSource source) {
        this.source = source;
    }

    /** The next event, or null at the end of the stream. */
    public SseEvent next() throws IOException {
        return next(() -> { });
    }

    /**
     * The next event, or null at the end of the stream; runs {@code beforeWaiting} each time the bytes at hand
     * hold no whole line and the read has to wait for the network, e.g. to flush what was relayed so far.
     */
    public SseEvent next(Runnable beforeWaiting) throws IOException {
        String event = null;
        StringBuilder data = null;
        String line;
        while ((line = readLine(beforeWaiting)) != null) {
            if (line.isEmpty()) {
                if (data != null) {
                    return new SseEvent(event, data.toString());
                }
                event = null;
                continue;
            }
            if (line.startsWith(":")) {
                continue;
            }
            int colon = line.indexOf(':');
            String field = colon < 0 ? line : line.substring(0, colon);
            String value = colon < 0 ? "" : line.substring(colon + 1);
            if (value.startsWith(" ")) {
                value = value.substring(1);
            }
            switch (field) {
                case "event" -> event = value;
                case "data" -> {
                    if (data == null) {
                        data = new StringBuilder(value);
                    } else {
                        data.append('\n').append(value);
                    }
                }
                default -> {
                    // id and retry carry nothing the gateway needs
                }
            }
        }
        return data == null ? null : new SseEvent(event, data.toString());
    }

    private String readLine(Runnable beforeWaiting) throws IOException {
        if (source.getBuffer().indexOf((byte) '\n') < 0) {
            beforeWaiting.run();
        }
        return source.readUtf8Line();
    }
}
