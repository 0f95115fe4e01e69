package dev.switchboard.app.connection;

import dev.switchboard.gateway.trace.Trace;
import dev.switchboard.gateway.trace.TracePage;
import dev.switchboard.gateway.trace.TraceQuery;
import dev.switchboard.gateway.trace.UsageBucket;
import dev.switchboard.gateway.trace.UsageGroup;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Everything the app reads from a gateway. Two implementations: in-process for the embedded gateway and the admin
 * HTTP API for a remote one; views never know which they have. Every method blocks (call it off the FX thread) and
 * fails with {@link GatewayClientException}.
 */
public interface GatewayClient extends AutoCloseable {

    /** What the status bar shows, e.g. {@code Embedded gateway on http://127.0.0.1:8787}. */
    String description();

    /** Where clients send their OpenAI-compatible requests. */
    String baseUrl();

    TracePage traces(TraceQuery query);

    long count(TraceQuery query);

    /** One trace with bodies, headers and spans. */
    Optional<Trace> trace(String id);

    List<UsageGroup> usage(Instant from, Instant to, String groupBy);

    List<UsageBucket> usageSeries(Instant from, Instant to, Duration bucket, String groupBy);

    /** A quick liveness check; never throws. */
    Health health();

    /**
     * Starts delivering stored traces as they are written. The listener is called on a background thread and must
     * only queue what it gets. Close the handle to stop.
     */
    AutoCloseable subscribe(LiveListener listener);

    @Override
    void close();

    /** Receives live traces and the state of the live link. */
    interface LiveListener {
        void onTrace(Trace trace);

        /** The live link went up or down; after {@link LinkState#LIVE} following a gap, reload to catch up. */
        default void onLinkState(LinkState state, String detail) {
        }
    }

    /** The live link's state. */
    enum LinkState { LIVE, RECONNECTING }

    /** Result of {@link #health()}: {@code detail} is a readable reason when not up. */
    record Health(boolean up, String detail, long latencyMs) {
    }
}
