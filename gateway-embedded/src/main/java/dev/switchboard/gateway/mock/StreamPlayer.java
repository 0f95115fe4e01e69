package dev.switchboard.gateway.mock;

import dev.switchboard.gateway.provider.SseEvent;
import io.javalin.http.Context;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Writes a {@link StreamScript} as server-sent events, flushing each event so it leaves at once. */
final class StreamPlayer {
    /** Tokens sent before a {@code [mock:break]} stops the stream: enough for a client to have shown some text. */
    static final int TOKENS_BEFORE_BREAK = 3;

    private final Pacing pacing;

    StreamPlayer(Pacing pacing) {
        this.pacing = pacing;
    }

    /** Plays the whole script, or with {@code stopEarly} only its opening and first few tokens. */
    void play(Context ctx, StreamScript script, boolean stopEarly) throws IOException, InterruptedException {
        ctx.status(200);
        ctx.contentType("text/event-stream");
        ctx.header("Cache-Control", "no-cache");
        HttpServletResponse response = ctx.res();
        OutputStream out = response.getOutputStream();
        if (pacing.ttftMs() > 0) {
            // Headers go out at once, as a real provider's do while the model is still thinking.
            response.flushBuffer();
        }
        pacing.beforeFirstToken();
        write(out, script.opening());
        List<SseEvent> tokens = script.tokens();
        int count = stopEarly ? Math.min(TOKENS_BEFORE_BREAK, tokens.size() / 2) : tokens.size();
        for (int i = 0; i < count; i++) {
            if (i > 0) {
                pacing.betweenTokens();
            }
            write(out, tokens.get(i));
        }
        if (!stopEarly) {
            write(out, script.closing());
        }
    }

    private static void write(OutputStream out, List<SseEvent> events) throws IOException {
        for (SseEvent event : events) {
            write(out, event);
        }
    }

    private static void write(OutputStream out, SseEvent event) throws IOException {
        String frame = event.event() == null
                ? "data: " + event.data() + "\n\n"
                : "event: " + event.event() + "\ndata: " + event.data() + "\n\n";
        out.write(frame.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }
}
