package dev.switchboard.app.connection;

import dev.switchboard.app.connection.GatewayClient.LinkState;
import dev.switchboard.app.connection.GatewayClient.LiveListener;
import dev.switchboard.gateway.trace.Trace;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One live subscription to the current gateway, shared by every view: a remote gateway sees a single SSE stream
 * however many views listen. Switching gateways moves every listener along. Listeners run on the feed's thread.
 * Switches run in order on the hub's own thread, so a slow close of one gateway never holds up the FX thread.
 */
public final class LiveHub implements LiveListener, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LiveHub.class);

    private final CopyOnWriteArrayList<LiveListener> listeners = new CopyOnWriteArrayList<>();
    private final ExecutorService switches = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().name("switchboard-live-hub").daemon(true).factory());
    private AutoCloseable subscription;

    /**
     * Follows {@code client}'s live feed from now on (null: none), after closing {@code previous} (may be null).
     * Returns at once; switches happen in the order asked.
     */
    public void switchTo(GatewayClient client, GatewayClient previous) {
        if (switches.isShutdown()) {
            // The app is closing: connection attempts still finishing need no live feed.
            return;
        }
        switches.execute(() -> {
            closeSubscription();
            if (previous != null && previous != client) {
                previous.close();
            }
            if (client != null) {
                try {
                    subscription = client.subscribe(this);
                } catch (RuntimeException e) {
                    LOG.warn("Cannot follow the live feed of {}", client.description(), e);
                }
            }
        });
    }

    public AutoCloseable addListener(LiveListener listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    @Override
    public void onTrace(Trace trace) {
        for (LiveListener listener : listeners) {
            listener.onTrace(trace);
        }
    }

    @Override
    public void onLinkState(LinkState state, String detail) {
        for (LiveListener listener : listeners) {
            listener.onLinkState(state, detail);
        }
    }

    private void closeSubscription() {
        if (subscription != null) {
            try {
                subscription.close();
            } catch (Exception e) {
                LOG.debug("Closing a live subscription failed", e);
            }
            subscription = null;
        }
    }

    @Override
    public void close() {
        switches.execute(this::closeSubscription);
        switches.shutdown();
    }
}
