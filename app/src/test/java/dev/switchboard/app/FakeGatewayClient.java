package dev.switchboard.app;

import dev.switchboard.app.connection.GatewayClient;
import dev.switchboard.gateway.trace.Trace;
import dev.switchboard.gateway.trace.TracePage;
import dev.switchboard.gateway.trace.TraceQuery;
import dev.switchboard.gateway.trace.UsageBucket;
import dev.switchboard.gateway.trace.UsageGroup;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/** An in-memory gateway for ViewModel tests: filters like the store for the fields the tests use. */
public final class FakeGatewayClient implements GatewayClient {
    public final List<Trace> stored = new CopyOnWriteArrayList<>();
    public final List<TraceQuery> queries = new CopyOnWriteArrayList<>();
    public List<UsageGroup> usage = List.of();
    /** The groupBy of every usage call, in order. */
    public final List<String> usageGroupBys = new java.util.ArrayList<>();
    public List<UsageBucket> series = List.of();
    private final List<LiveListener> listeners = new CopyOnWriteArrayList<>();

    public static Trace trace(String id, Instant at, String model, int status) {
        return new Trace(id, null, at, 120, 40L, status, "openai", model, "chat.completions", false, 10, 5, null,
                null, false, new BigDecimal("0.0001"), "stop", Map.of("team", "core"),
                status >= 400 ? "boom" : null, null, null, null, null, null,
                "{\"model\":\"" + model + "\",\"messages\":[]}", "{}", Map.of(), List.of(), null);
    }

    /** Stores a trace and tells live listeners, as the trace writer would. */
    public void write(Trace trace) {
        stored.add(trace);
        listeners.forEach(l -> l.onTrace(trace.summary()));
    }

    @Override
    public String description() {
        return "Fake gateway";
    }

    @Override
    public String baseUrl() {
        return "http://fake:1";
    }

    @Override
    public TracePage traces(TraceQuery query) {
        queries.add(query);
        List<Trace> matching = stored.stream().filter(matches(query))
                .sorted(Comparator.comparing(Trace::startedAt).reversed()).toList();
        int limit = query.effectiveLimit();
        return new TracePage(matching.stream().limit(limit).map(Trace::summary).toList(),
                matching.size() > limit ? "more" : null);
    }

    private static Predicate<Trace> matches(TraceQuery q) {
        return t -> (q.model() == null || q.model().equals(t.model()))
                && (q.status() == null || (q.status().equals("error") != t.ok()))
                && (q.to() == null || t.startedAt().isBefore(q.to()))
                && (q.text() == null || t.requestBody().contains(q.text()));
    }

    @Override
    public long count(TraceQuery query) {
        return stored.stream().filter(matches(query)).count();
    }

    @Override
    public Optional<Trace> trace(String id) {
        return stored.stream().filter(t -> t.id().equals(id)).findFirst();
    }

    @Override
    public List<UsageGroup> usage(Instant from, Instant to, String groupBy) {
        usageGroupBys.add(groupBy);
        return usage;
    }

    @Override
    public List<UsageBucket> usageSeries(Instant from, Instant to, Duration bucket, String groupBy) {
        return series;
    }

    @Override
    public Health health() {
        return new Health(true, "ok", 1);
    }

    @Override
    public AutoCloseable subscribe(LiveListener listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    @Override
    public void close() {
    }

    /** Every trace the fake holds, newest first. */
    public List<Trace> newestFirst() {
        List<Trace> copy = new ArrayList<>(stored);
        copy.sort(Comparator.comparing(Trace::startedAt).reversed());
        return copy;
    }
}
