package dev.switchboard.gateway.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.gateway.Json;
import dev.switchboard.gateway.provider.SseEvent;
import dev.switchboard.gateway.provider.SseReader;
import dev.switchboard.gateway.provider.StreamTranslator;
import dev.switchboard.gateway.provider.UpstreamStreamException;
import dev.switchboard.gateway.routing.Route;
import dev.switchboard.gateway.server.UpstreamAttempts.OpenStream;
import dev.switchboard.gateway.trace.TraceDraft;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Relays a provider's stream to the client as OpenAI SSE, each chunk written the moment it is translated and
 * flushed as soon as no further chunk is already at hand, except the first chunk with output, which is flushed at
 * once: time to first token is what a user feels, so it never waits for a burst behind it. Once the first byte is
 * out, a failure can no longer be retried: the client gets an error event and the trace records why the stream
 * ended early.
 */
final class StreamRelay {
    /** Clients that close mid-stream get this status on their trace (nginx's convention). */
    static final int CLIENT_CLOSED = 499;
    private static final Pattern FIRST_OUTPUT =
            Pattern.compile("\"(?:content|reasoning_content|refusal)\"\\s*:\\s*\"[^\"]|\"tool_calls\"\\s*:\\s*\\[");
    private static final byte[] DONE = "data: [DONE]\n\n".getBytes(StandardCharsets.US_ASCII);

    /** @param status the status to answer with: 200, or 246 when input guardrails failed without denying */
    void relay(Context ctx, Route route, OpenStream open, TraceDraft draft, int status) {
        try (var response = open.response()) {
            draft.completeLastSpan(pump(ctx, route, open, draft, status));
        }
    }

    /** Copies the stream; returns why it ended early, or null when it completed. */
    private String pump(Context ctx, Route route, OpenStream open, TraceDraft draft, int status) {
        ObjectNode request = open.request();
        StreamTranslator translator = route.adapter().streamTranslator(request);
        boolean clientWantsUsage = request.path("stream_options").path("include_usage").asBoolean(false);
        List<String> chunks = new ArrayList<>();
        draft.streamChunks(chunks);
        SseWriter client = SseWriter.open(ctx, status);
        SseReader reader = new SseReader(open.response().body().source());
        boolean outputSent = false;
        try {
            SseEvent event;
            // Flushing only when the next read would wait sends chunks that arrived together in one write, yet
            // never holds a byte back while the provider is still thinking.
            while ((event = reader.next(client::flushQueued)) != null) {
                for (String chunk : translator.onEvent(event)) {
                    forward(client, chunk, chunks, clientWantsUsage, draft);
                    if (!outputSent && carriesOutput(chunk)) {
                        client.flushQueued();
                        outputSent = true;
                    }
                }
            }
            if (!translator.completed()) {
                return endWithError(client, draft, status, "The provider's stream ended before it was complete");
            }
            for (String chunk : translator.onEnd()) {
                forward(client, chunk, chunks, clientWantsUsage, draft);
            }
            client.write(DONE);
            draft.finish(status);
            return null;
        } catch (UpstreamStreamException e) {
            return endWithError(client, draft, status, "The provider reported an error mid-stream: " + e.getMessage());
        } catch (SseWriter.ClientGoneException e) {
            draft.error("The client closed the connection mid-stream").finish(CLIENT_CLOSED);
            return null;
        } catch (IOException e) {
            String message = e instanceof java.net.SocketTimeoutException
                    ? "The provider's stream went silent for longer than " + route.timeout().toMillis() + " ms"
                    : "The provider's stream broke off mid-way";
            return endWithError(client, draft, status, message);
        }
    }

    private static void forward(SseWriter client, String chunk, List<String> chunks, boolean clientWantsUsage,
                                TraceDraft draft) {
        chunks.add(chunk);
        if (!clientWantsUsage && isUsageOnly(chunk)) {
            return;
        }
        draft.markFirstToken();
        client.queueData(chunk);
    }

    /** A chunk with text or a tool call in its delta, as opposed to the opening role chunk or a usage chunk. */
    static boolean carriesOutput(String chunk) {
        return FIRST_OUTPUT.matcher(chunk).find();
    }

    /** The extra usage chunk the gateway asked for on the client's behalf: no choices, only usage. */
    private static boolean isUsageOnly(String chunk) {
        // With include_usage OpenAI puts "usage":null on every chunk; one with a delta has choices, so only a
        // chunk without one is worth parsing.
        if (!chunk.contains("\"usage\"") || chunk.contains("\"delta\"")) {
            return false;
        }
        try {
            JsonNode node = Json.read(chunk);
            return node.path("choices").isEmpty() && node.path("usage").isObject();
        } catch (UncheckedIOException malformed) {
            return false;
        }
    }

    private static String endWithError(SseWriter client, TraceDraft draft, int status, String message) {
        draft.error(message).finish(status);
        try {
            client.data(Json.write(ErrorBodies.of("api_error", "stream_error", null, message)));
        } catch (SseWriter.ClientGoneException gone) {
            // nobody left to tell; the trace still records the failure
        }
        return message;
    }
}
