package dev.switchboard.app.connection;

import dev.switchboard.app.common.UserMessages;
import dev.switchboard.app.connection.GatewayClient.LinkState;
import dev.switchboard.app.connection.GatewayClient.LiveListener;
import dev.switchboard.gateway.Json;
import dev.switchboard.gateway.trace.Trace;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.sse.EventSource;
import okhttp3.sse.EventSourceListener;
import okhttp3.sse.EventSources;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A remote gateway's live trace stream that keeps itself up: when the connection drops it reports
 * {@link LinkState#RECONNECTING} and reconnects with exponential backoff until closed.
 */
final class LiveStream implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LiveStream.class);
    static final Duration FIRST_RETRY = Duration.ofMillis(500);
    static final Duration MAX_RETRY = Duration.ofSeconds(15);
    /** The gateway sends a keep-alive comment every 15 s; three missed ones mean the link is dead. */
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(45);

    private final EventSource.Factory factory;
    private final Request request;
    private final LiveListener listener;
    private final ScheduledExecutorService scheduler;
    private Duration nextRetry = FIRST_RETRY;
    private EventSource source;
    private boolean closed;

    private LiveStream(EventSource.Factory factory, Request request, LiveListener listener,
                       ScheduledExecutorService scheduler) {
        this.factory = factory;
        this.request = request;
        this.listener = listener;
        this.scheduler = scheduler;
    }

    private synchronized void connect() {
        if (!closed) {
            source = factory.newEventSource(request, new Listener());
        }
    }

    private synchronized void retryLater(String reason) {
        if (closed) {
            return;
        }
        listener.onLinkState(LinkState.RECONNECTING, reason);
        LOG.info("Live stream lost ({}); reconnecting in {} ms", reason, nextRetry.toMillis());
        scheduler.schedule(this::connect, nextRetry.toMillis(), TimeUnit.MILLISECONDS);
        nextRetry = nextRetry.multipliedBy(2).compareTo(MAX_RETRY) > 0 ? MAX_RETRY : nextRetry.multipliedBy(2);
    }

    private synchronized void opened() {
        nextRetry = FIRST_RETRY;
        listener.onLinkState(LinkState.LIVE, "connected");
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (source != null) {
            source.cancel();
        }
    }

    private final class Listener extends EventSourceListener {
        @Override
        public void onOpen(EventSource eventSource, Response response) {
            opened();
        }

        @Override
        public void onEvent(EventSource eventSource, String id, String type, String data) {
            try {
                listener.onTrace(Json.MAPPER.readValue(data, Trace.class));
            } catch (Exception e) {
                LOG.warn("Skipping a live trace that cannot be read: {}", e.getMessage());
            }
        }

        @Override
        public void onClosed(EventSource eventSource) {
            retryLater("the gateway closed the stream");
        }

        @Override
        public void onFailure(EventSource eventSource, Throwable error, Response response) {
            String reason = response != null && !response.isSuccessful() ? RemoteUrls.errorMessage(response.code(), "")
                    : error == null ? "the stream ended" : UserMessages.of(error);
            retryLater(reason);
        }
    }

    /** Opens streams for one remote client; closing it stops every stream it opened and their retries. */
    static final class Factory implements AutoCloseable {
        private final EventSource.Factory sources;
        private final Function<HttpUrl, Request> requests;
        private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("switchboard-live-reconnect").daemon(true).factory());

        Factory(OkHttpClient http, Function<HttpUrl, Request> requests) {
            this.sources = EventSources.createFactory(http.newBuilder().readTimeout(READ_TIMEOUT).build());
            this.requests = requests;
        }

        LiveStream open(HttpUrl url, LiveListener listener) {
            LiveStream stream = new LiveStream(sources, requests.apply(url).newBuilder()
                    .header("Accept", "text/event-stream").build(), listener, scheduler);
            stream.connect();
            return stream;
        }

        @Override
        public void close() {
            scheduler.shutdownNow();
        }
    }
}
