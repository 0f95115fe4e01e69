package dev.switchboard.app.connection;

import dev.switchboard.gateway.Gateway;
import dev.switchboard.gateway.store.InvalidQueryException;
import dev.switchboard.gateway.store.TraceStore;
import dev.switchboard.gateway.trace.Trace;
import dev.switchboard.gateway.trace.TracePage;
import dev.switchboard.gateway.trace.TraceQuery;
import dev.switchboard.gateway.trace.UsageBucket;
import dev.switchboard.gateway.trace.UsageGroup;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The in-process gateway, read with direct calls on its store and feed: no HTTP, no serialisation. */
public final class EmbeddedGatewayClient implements GatewayClient {
    private final Gateway gateway;
    private final TraceStore store;
    private final String description;

    public EmbeddedGatewayClient(Gateway gateway, String description) {
        this.gateway = gateway;
        this.store = gateway.traceStore();
        this.description = description;
    }

    @Override
    public String description() {
        return description;
    }

    @Override
    public String baseUrl() {
        return gateway.baseUrl();
    }

    @Override
    public TracePage traces(TraceQuery query) {
        return call(() -> store.query(query));
    }

    @Override
    public long count(TraceQuery query) {
        return call(() -> store.count(query));
    }

    @Override
    public Optional<Trace> trace(String id) {
        return call(() -> store.find(id));
    }

    @Override
    public List<UsageGroup> usage(Instant from, Instant to, String groupBy) {
        return call(() -> store.usage(from, to, groupBy));
    }

    @Override
    public List<UsageBucket> usageSeries(Instant from, Instant to, Duration bucket, String groupBy) {
        return call(() -> store.usageSeries(from, to, bucket, groupBy));
    }

    @Override
    public Health health() {
        long start = System.nanoTime();
        try {
            store.count();
            return new Health(true, "ok", (System.nanoTime() - start) / 1_000_000);
        } catch (SQLException | RuntimeException e) {
            return new Health(false, "Database unavailable: " + e.getMessage(), 0);
        }
    }

    @Override
    public AutoCloseable subscribe(LiveListener listener) {
        listener.onLinkState(LinkState.LIVE, "in-process");
        return gateway.traceFeed().subscribe(listener::onTrace);
    }

    /** The embedded gateway belongs to its host, which stops it; a client only stops reading. */
    @Override
    public void close() {
    }

    private interface StoreCall<T> {
        T call() throws SQLException;
    }

    private static <T> T call(StoreCall<T> call) {
        try {
            return call.call();
        } catch (InvalidQueryException e) {
            throw new GatewayClientException(e.getMessage(), e);
        } catch (SQLException e) {
            throw new GatewayClientException("Database error: " + e.getMessage(), e);
        }
    }
}
