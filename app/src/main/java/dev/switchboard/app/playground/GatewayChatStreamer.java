package dev.switchboard.app.playground;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.app.common.UserMessages;
import dev.switchboard.gateway.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.sse.EventSource;
import okhttp3.sse.EventSourceListener;
import okhttp3.sse.EventSources;

/**
 * Sends playground calls to the gateway's {@code /v1/chat/completions} as SSE streams, so they are traced and
 * counted in Usage like any client's. A virtual key travels as {@code x-portkey-virtual-key}; without one a
 * placeholder bearer token is sent (the demo mock needs none; a real provider answers 401, shown in the cell).
 */
public final class GatewayChatStreamer implements ChatStreamer {
    private static final MediaType JSON = MediaType.get("application/json");
    /** Reasoning models can think for minutes before the first token. */
    private static final Duration READ_TIMEOUT = Duration.ofMinutes(5);

    private final Supplier<String> baseUrl;
    private final Supplier<OkHttpClient> http;

    /** @param baseUrl the gateway the app is connected to, read at each call */
    public GatewayChatStreamer(Supplier<String> baseUrl, Supplier<OkHttpClient> http) {
        this.baseUrl = baseUrl;
        this.http = http;
    }

    @Override
    public Call stream(Request request, Listener listener) {
        String base = baseUrl.get();
        if (base == null) {
            listener.onError("Not connected to a gateway", null);
            return () -> { };
        }
        Target target = request.target();
        okhttp3.Request.Builder call = new okhttp3.Request.Builder().url(base + "/v1/chat/completions")
                .header("Accept", "text/event-stream")
                .header("x-portkey-metadata", Json.write(request.metadata()))
                .post(RequestBody.create(Json.write(body(request)), JSON));
        if (target.provider() != null) {
            call.header("x-portkey-provider", target.provider());
        }
        if (target.customHost() != null) {
            call.header("x-portkey-custom-host", target.customHost());
        }
        if (target.virtualKey() != null) {
            call.header("x-portkey-virtual-key", target.virtualKey());
        } else {
            call.header("Authorization", "Bearer playground-no-key");
        }
        OkHttpClient client = http.get().newBuilder().readTimeout(READ_TIMEOUT).build();
        Relay relay = new Relay(listener);
        EventSource source = EventSources.createFactory(client).newEventSource(call.build(), relay);
        return () -> {
            // OkHttp reports a cancelled stream as a failure; the caller asked for it, so it is not one.
            relay.ended.set(true);
            source.cancel();
        };
    }

    private static ObjectNode body(Request request) {
        ObjectNode body = Json.object();
        request.settings().forEach((name, value) -> body.set(name, Json.MAPPER.valueToTree(value)));
        request.target().applyTo(body);
        ArrayNode messages = body.putArray("messages");
        request.messages().forEach(m -> messages.addObject().put("role", m.role()).put("content", m.content()));
        body.put("stream", true);
        body.putObject("stream_options").put("include_usage", true);
        return body;
    }

    /** Turns SSE events into listener calls; remembers whether the stream already ended, so it ends once. */
    private static final class Relay extends EventSourceListener {
        private final Listener listener;
        private final AtomicBoolean ended = new AtomicBoolean();
        private String traceId;

        Relay(Listener listener) {
            this.listener = listener;
        }

        @Override
        public void onOpen(EventSource source, Response response) {
            traceId = response.header("x-portkey-trace-id");
        }

        @Override
        public void onEvent(EventSource source, String id, String type, String data) {
            if ("[DONE]".equals(data.strip())) {
                end(source, null);
                return;
            }
            JsonNode chunk;
            try {
                chunk = Json.read(data);
            } catch (UncheckedIOException e) {
                end(source, "The gateway sent something that is not JSON: " + abbreviate(data));
                return;
            }
            if (chunk.has("error")) {
                end(source, chunk.path("error").path("message").asText("The stream failed"));
                return;
            }
            for (JsonNode choice : chunk.path("choices")) {
                String text = choice.path("delta").path("content").asText("");
                if (!text.isEmpty()) {
                    listener.onDelta(text);
                }
            }
            JsonNode usage = chunk.path("usage");
            if (usage.isObject()) {
                listener.onUsage(usage.path("prompt_tokens").asInt(), usage.path("completion_tokens").asInt());
            }
        }

        @Override
        public void onClosed(EventSource source) {
            end(source, null);
        }

        @Override
        public void onFailure(EventSource source, Throwable error, Response response) {
            if (response != null && traceId == null) {
                traceId = response.header("x-portkey-trace-id");
            }
            end(source, response != null && !response.isSuccessful() ? errorOf(response)
                    : error == null ? "The stream ended unexpectedly" : UserMessages.of(error));
        }

        private void end(EventSource source, String error) {
            if (!ended.compareAndSet(false, true)) {
                return;
            }
            source.cancel();
            if (error == null) {
                listener.onComplete(traceId);
            } else {
                listener.onError(error, traceId);
            }
        }

        /** The OpenAI-style error the gateway answers with, else the status. */
        private static String errorOf(Response response) {
            String prefix = "HTTP " + response.code() + ": ";
            try {
                String body = response.body().string();
                JsonNode message = Json.read(body).path("error").path("message");
                return prefix + (message.isTextual() ? message.asText() : abbreviate(body));
            } catch (IOException | UncheckedIOException e) {
                return prefix + response.message();
            }
        }

        private static String abbreviate(String text) {
            return text.length() <= 200 ? text : text.substring(0, 197) + "…";
        }
    }
}
