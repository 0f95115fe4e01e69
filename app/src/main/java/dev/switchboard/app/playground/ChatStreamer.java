package dev.switchboard.app.playground;

import java.util.List;
import java.util.Map;

/**
 * Streams one chat completion through the gateway. Listener methods are called on a background thread, in order,
 * and end with exactly one of {@code onComplete} or {@code onError} (none after {@link Call#cancel()}).
 */
public interface ChatStreamer {

    Call stream(Request request, Listener listener);

    /**
     * One call: the target, the rendered messages and the metadata the gateway stores on its trace.
     *
     * @param settings request fields a saved prompt version brings (parameters, {@code tools},
     *                 {@code response_format}); the target's model, temperature and max tokens win over them
     */
    record Request(Target target, List<Message> messages, Map<String, String> metadata,
                   Map<String, Object> settings) {
        public Request {
            messages = List.copyOf(messages);
            metadata = Map.copyOf(metadata);
            // JSON values may be null, which Map.copyOf refuses.
            settings = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(settings));
        }

        /** A call of ad-hoc messages: nothing but the target's own parameters. */
        public Request(Target target, List<Message> messages, Map<String, String> metadata) {
            this(target, messages, metadata, Map.of());
        }
    }

    /** A call in flight. */
    interface Call {
        /** Stops the stream; no more listener calls follow. */
        void cancel();
    }

    /** What arrives from the stream. */
    interface Listener {
        /** A piece of the answer's text. */
        void onDelta(String text);

        /** The provider's token counts, when it reports them (usually in the last chunk). */
        void onUsage(int inputTokens, int outputTokens);

        /** The stream ended normally; {@code traceId} is the gateway's id for the call (may be null). */
        void onComplete(String traceId);

        /** The call failed; {@code message} is the provider's or gateway's own words. */
        void onError(String message, String traceId);
    }
}
