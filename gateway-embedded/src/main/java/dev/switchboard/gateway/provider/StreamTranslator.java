package dev.switchboard.gateway.provider;

import java.util.List;

/**
 * Turns one upstream stream into OpenAI {@code chat.completion.chunk} payloads. Stateful: one instance per
 * request. The gateway writes each returned payload as {@code data: <json>} and ends the client stream with
 * {@code data: [DONE]} itself, so translators never return "[DONE]".
 */
public interface StreamTranslator {

    /**
     * Translates one upstream event into zero or more chunk JSON texts, in order.
     *
     * @throws UpstreamStreamException when the upstream reports an error inside the stream
     */
    List<String> onEvent(SseEvent event);

    /** Chunks still owed when the upstream stream ended normally (e.g. a final usage chunk). */
    default List<String> onEnd() {
        return List.of();
    }

    /**
     * Whether the upstream sent its end-of-stream marker ({@code [DONE]}, {@code message_stop}, a finish reason).
     * A stream that closes before it is cut short, and the client must be told.
     */
    boolean completed();
}
