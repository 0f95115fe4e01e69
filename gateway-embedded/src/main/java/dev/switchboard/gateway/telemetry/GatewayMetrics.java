package dev.switchboard.gateway.telemetry;

import dev.switchboard.gateway.trace.Span;
import dev.switchboard.gateway.trace.Trace;
import dev.switchboard.gateway.trace.TraceFeed;
import dev.switchboard.gateway.trace.TraceWriter;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gateway's Prometheus metrics: requests, latency, tokens, cost, cache lookups and upstream errors, counted from
 * each trace this gateway records (as soon as it is assembled, so they keep counting while the database is down),
 * plus the trace writer's queue depth, writes and drops.
 */
public final class GatewayMetrics implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(GatewayMetrics.class);
    /** Model names come from callers: cap the series they can create. Beyond this, new models are not tagged. */
    private static final int MAX_MODELS = 500;
    private static final Duration[] LATENCY_BUCKETS = {Duration.ofMillis(50), Duration.ofMillis(100),
        Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofMillis(2500),
        Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofSeconds(60),
        Duration.ofSeconds(120), Duration.ofSeconds(300)};
    private static final String UNKNOWN = "unknown";

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final AutoCloseable subscription;

    public GatewayMetrics(TraceFeed feed, TraceWriter writer) {
        registry.config().meterFilter(MeterFilter.maximumAllowableTags("switchboard", "model", MAX_MODELS,
                MeterFilter.deny()));
        Gauge.builder("switchboard.trace.queue.depth", writer, TraceWriter::queued)
                .description("Traces waiting to be stored (queued by requests or buffered while the database is down)")
                .register(registry);
        FunctionCounter.builder("switchboard.traces.written", writer, TraceWriter::written)
                .description("Traces stored in the database").register(registry);
        FunctionCounter.builder("switchboard.traces.dropped", writer, TraceWriter::dropped)
                .description("Traces lost: queue or buffer full, or refused by the database").register(registry);
        Gauge.builder("switchboard.trace.store.failing", writer, w -> w.storeFailing() ? 1 : 0)
                .description("1 while the last attempt to store traces failed").register(registry);
        new JvmMemoryMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        this.subscription = feed.subscribeRecorded(this::record);
    }

    /** Where other parts (the OTLP export) register their meters. */
    public MeterRegistry registry() {
        return registry;
    }

    /** Every metric in the Prometheus text format. */
    public String scrape() {
        return registry.scrape();
    }

    private void record(Trace trace) {
        Tags route = Tags.of("provider", orUnknown(trace.provider()), "model", orUnknown(trace.model()),
                "endpoint", trace.endpoint());
        Counter.builder("switchboard.requests").description("Requests through the gateway")
                .tags(route).tag("status", String.valueOf(trace.status()))
                .tag("outcome", trace.ok() ? "ok" : "error")
                .register(registry).increment();
        Timer.builder("switchboard.request.duration").description("Time from request to the caller's full answer")
                .tags(route).serviceLevelObjectives(LATENCY_BUCKETS)
                .register(registry).record(Duration.ofMillis(trace.durationMs()));
        if (trace.ttftMs() != null) {
            Timer.builder("switchboard.time.to.first.token").description("Time to the first streamed token")
                    .tags(route).serviceLevelObjectives(LATENCY_BUCKETS)
                    .register(registry).record(Duration.ofMillis(trace.ttftMs()));
        }
        if (trace.inputTokens() != null) {
            tokens(route, "input", trace.inputTokens());
        }
        if (trace.outputTokens() != null) {
            tokens(route, "output", trace.outputTokens());
        }
        if (trace.costUsd() != null) {
            Counter.builder("switchboard.cost").baseUnit("usd").description("Cost of the requests by the price table")
                    .tags(route).register(registry).increment(trace.costUsd().doubleValue());
        }
        if (trace.cacheStatus() != null) {
            Counter.builder("switchboard.cache.requests").description("Cache lookups by result (hit, miss, refresh)")
                    .tags(route).tag("result", trace.cacheStatus().toLowerCase(Locale.ROOT))
                    .register(registry).increment();
        }
        if (trace.costSavedUsd() != null) {
            Counter.builder("switchboard.cost.saved").baseUnit("usd").description("Cost avoided by cache hits")
                    .tags(route).register(registry).increment(trace.costSavedUsd().doubleValue());
        }
        if (trace.spans() != null) {
            for (Span span : trace.spans()) {
                upstreamErrors(trace, span);
            }
        }
    }

    private void tokens(Tags route, String type, int count) {
        Counter.builder("switchboard.tokens").description("Tokens by the provider's usage (or estimated)")
                .tags(route).tag("type", type).register(registry).increment(count);
    }

    /** Failed calls to providers, one per attempt (a request retried three times counts three). */
    private void upstreamErrors(Trace trace, Span span) {
        boolean failed = span.error() != null || (span.status() != null && span.status() >= 400);
        if ("attempt".equals(span.kind()) && failed) {
            String model = span.model() != null ? span.model() : orUnknown(trace.model());
            Counter.builder("switchboard.upstream.errors").description("Failed calls to a provider")
                    .tags("provider", orUnknown(span.provider()), "model", model, "status",
                            span.status() == null ? "none" : String.valueOf(span.status()))
                    .register(registry).increment();
        }
    }

    private static String orUnknown(String value) {
        return value == null || value.isBlank() ? UNKNOWN : value;
    }

    @Override
    public void close() {
        try {
            subscription.close();
        } catch (Exception e) {
            LOG.debug("Closing the metrics subscription failed", e);
        }
        registry.close();
    }
}
