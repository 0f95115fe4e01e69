package dev.switchboard.gateway.server;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The client's side of a server-sent event response: every event is written and flushed at once, or queued and
 * flushed by the caller. A failed write means the client has gone, reported as {@link ClientGoneException}.
 */
public final class SseWriter {
    private final OutputStream out;
    /** Whether {@link #queueData} wrote bytes that no flush has sent yet. */
    private boolean queued;

    private SseWriter(OutputStream out) {
        this.out = out;
    }

    /** Commits the response as {@code 200 text/event-stream}. */
    public static SseWriter open(Context ctx) {
        return open(ctx, 200);
    }

    /** Commits the response as {@code text/event-stream} with {@code status} (246 when guardrails flagged it). */
    public static SseWriter open(Context ctx, int status) {
        ctx.status(status);
        ctx.res().setContentType("text/event-stream; charset=utf-8");
        ctx.res().setHeader("cache-control", "no-cache");
        ctx.res().setHeader("x-accel-buffering", "no");
        try {
            return new SseWriter(ctx.res().getOutputStream());
        } catch (IOException e) {
            throw new ClientGoneException(e);
        }
    }

    public void data(String payload) {
        write(event(payload));
    }

    public void comment(String text) {
        write((": " + text + "\n\n").getBytes(StandardCharsets.UTF_8));
    }

    public void write(byte[] bytes) {
        queue(bytes);
        flushQueued();
    }

    /**
     * Writes an event without flushing, for a relay that flushes once it has nothing more to pass on: events that
     * arrived together leave together, and none waits for the provider. {@link #flushQueued()} sends them.
     */
    public void queueData(String payload) {
        queue(event(payload));
    }

    /** Sends what was written since the last flush, if anything. */
    public void flushQueued() {
        if (!queued) {
            return;
        }
        queued = false;
        try {
            out.flush();
        } catch (IOException e) {
            throw new ClientGoneException(e);
        }
    }

    private void queue(byte[] bytes) {
        try {
            out.write(bytes);
            queued = true;
        } catch (IOException e) {
            throw new ClientGoneException(e);
        }
    }

    private static byte[] event(String payload) {
        return ("data: " + payload + "\n\n").getBytes(StandardCharsets.UTF_8);
    }

    /** The client closed its connection. */
    public static final class ClientGoneException extends RuntimeException {
        ClientGoneException(IOException cause) {
            super(cause);
        }
    }
}
