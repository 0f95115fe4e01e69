package dev.switchboard.gateway.telemetry;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.gateway.trace.Trace;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.common.export.RetryPolicy;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Exports every trace this gateway records as OpenTelemetry spans over OTLP/HTTP (protobuf): one server span for
 * the request with the GenAI attributes, one client span per upstream attempt (and an internal one per cache hit or
 * skipped target). An incoming W3C {@code traceparent}
 * makes the request span a child of the caller's span. Spans are built from the recorded trace on the writer
 * thread and exported in batches by the SDK's own thread, with retries; when the queue is full or the endpoint
 * stays down they are dropped and counted, so requests are never held up.
 */
public final class OtlpExport implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(OtlpExport.class);
    private static final int MAX_QUEUE = 8192;
    private static final int MAX_BATCH = 512;
    private static final Duration SCHEDULE_DELAY = Duration.ofSeconds(1);
    private static final Duration SHUTDOWN_WAIT = Duration.ofSeconds(5);
    private static final String SCOPE = "dev.switchboard.gateway";
    private static final TextMapGetter<Map<String, String>> HEADERS = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Map<String, String> carrier) {
            return carrier.keySet();
        }

        @Override
        public String get(Map<String, String> carrier, String key) {
            // Trace headers are stored with lower-case names, which is also how W3C names them.
            return carrier == null ? null : carrier.get(key);
        }
    };

    private final OtlpSettings settings;
    private final SdkTracerProvider provider;
    private final Tracer tracer;
    /** Spans handed to the SDK and not yet taken by the exporter: kept below the SDK's queue size. */
    private final AtomicLong outstanding = new AtomicLong();
    private final int maxQueue;
    private final Counter exported;
    private final Counter droppedQueueFull;
    private final Counter droppedExportFailed;
    private final Counter droppedAtShutdown;
    private final AtomicLong failedExports = new AtomicLong();

    private OtlpExport(OtlpSettings settings, String instanceId, MeterRegistry metrics, RetryPolicy retry,
                       int maxQueue) {
        this.settings = settings;
        this.maxQueue = maxQueue;
        this.exported = Counter.builder("switchboard.otlp.spans.exported")
                .description("Spans the OTLP endpoint accepted").register(metrics);
        this.droppedQueueFull = Counter.builder("switchboard.otlp.spans.dropped").tag("reason", "queue_full")
                .description("Spans not exported").register(metrics);
        this.droppedExportFailed = Counter.builder("switchboard.otlp.spans.dropped").tag("reason", "export_failed")
                .description("Spans not exported").register(metrics);
        this.droppedAtShutdown = Counter.builder("switchboard.otlp.spans.dropped").tag("reason", "shutdown")
                .description("Spans not exported").register(metrics);
        var exporter = OtlpHttpSpanExporter.builder()
                .setEndpoint(settings.tracesEndpoint())
                .setTimeout(settings.timeout())
                .setRetryPolicy(retry);
        settings.headers().forEach(exporter::addHeader);
        AttributesBuilder resource = Attributes.builder()
                .put(AttributeKey.stringKey("service.name"), settings.serviceName())
                .put(AttributeKey.stringKey("service.version"), "0.1.0")
                .put(AttributeKey.stringKey("service.instance.id"), instanceId);
        settings.resourceAttributes().forEach((key, value) -> resource.put(AttributeKey.stringKey(key), value));
        this.provider = SdkTracerProvider.builder()
                .setResource(Resource.getDefault().merge(Resource.create(resource.build())))
                .addSpanProcessor(BatchSpanProcessor.builder(new CountingExporter(exporter.build()))
                        .setMaxQueueSize(maxQueue)
                        .setMaxExportBatchSize(Math.min(MAX_BATCH, maxQueue))
                        .setScheduleDelay(SCHEDULE_DELAY)
                        .build())
                .build();
        this.tracer = provider.get(SCOPE);
    }

    /**
     * Starts exporting.
     *
     * @param instanceId this replica's id ({@code service.instance.id})
     * @param metrics    where exported and dropped spans are counted
     */
    public static OtlpExport start(OtlpSettings settings, String instanceId, MeterRegistry metrics) {
        // Retry on any I/O failure (refused, reset, timed out) as well as on the retryable statuses, then drop.
        RetryPolicy retry = RetryPolicy.builder().setMaxAttempts(5).setInitialBackoff(Duration.ofSeconds(1))
                .setMaxBackoff(Duration.ofSeconds(5)).setBackoffMultiplier(2).setRetryExceptionPredicate(e -> true)
                .build();
        return start(settings, instanceId, metrics, retry, MAX_QUEUE);
    }

    static OtlpExport start(OtlpSettings settings, String instanceId, MeterRegistry metrics, RetryPolicy retry,
                            int maxQueue) {
        OtlpExport export = new OtlpExport(settings, instanceId, metrics, retry, maxQueue);
        LOG.info("Exporting traces as OpenTelemetry spans to {}{}", settings.tracesEndpoint(),
                settings.captureContent() ? " (with message content)" : "");
        return export;
    }

    /** Turns one recorded trace into spans and queues them; a feed listener on the writer thread. */
    public void export(Trace trace) {
        int spans = 1 + (trace.spans() == null ? 0 : trace.spans().size());
        if (outstanding.addAndGet(spans) > maxQueue) {
            outstanding.addAndGet(-spans);
            droppedQueueFull.increment(spans);
            if (Long.bitCount((long) droppedQueueFull.count()) == 1) {
                LOG.warn("OpenTelemetry export queue full: {} spans dropped so far", (long) droppedQueueFull.count());
            }
            return;
        }
        JsonNode request = GenAiAttributes.parse(trace.requestBody());
        JsonNode response = GenAiAttributes.parse(trace.responseBody());
        Context parent = W3CTraceContextPropagator.getInstance()
                .extract(Context.root(), GenAiAttributes.headers(trace), HEADERS);
        String model = GenAiAttributes.requestModel(trace, request);
        String operation = GenAiAttributes.operation(trace.endpoint());
        Instant start = trace.startedAt();
        Instant end = start.plusMillis(trace.durationMs());
        Span span = tracer.spanBuilder(model == null ? operation : operation + " " + model)
                .setParent(parent)
                .setSpanKind(SpanKind.SERVER)
                .setStartTimestamp(start)
                .setAllAttributes(GenAiAttributes.request(trace, request, response, settings.captureContent()))
                .startSpan();
        if (!trace.ok()) {
            span.setStatus(StatusCode.ERROR, trace.error() != null ? trace.error() : "HTTP " + trace.status());
        }
        if (trace.spans() != null) {
            Context inRequest = parent.with(span);
            for (dev.switchboard.gateway.trace.Span attempt : trace.spans()) {
                // Times are kept to the millisecond on different clocks: keep each attempt inside its request.
                Instant attemptStart = latest(attempt.startedAt(), start);
                Instant attemptEnd = earliest(attempt.startedAt().plusMillis(attempt.durationMs()), end);
                // An attempt is a call to a provider; other steps (cache hit, target skipped) happen in here.
                boolean call = "attempt".equals(attempt.kind());
                String name = call ? operation + " " + (attempt.provider() == null ? "upstream" : attempt.provider())
                        : "switchboard." + attempt.kind();
                Span child = tracer.spanBuilder(name)
                        .setParent(inRequest)
                        .setSpanKind(call ? SpanKind.CLIENT : SpanKind.INTERNAL)
                        .setStartTimestamp(attemptStart)
                        .setAllAttributes(GenAiAttributes.attempt(trace, attempt, request))
                        .startSpan();
                if (attempt.error() != null || (attempt.status() != null && attempt.status() >= 400)) {
                    child.setStatus(StatusCode.ERROR, attempt.error() != null ? attempt.error()
                            : "HTTP " + attempt.status());
                }
                child.end(latest(attemptEnd, attemptStart));
            }
        }
        span.end(end);
    }

    private static Instant latest(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static Instant earliest(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    /** Exports what is queued (waiting at most five seconds) and stops; what is left then is counted as dropped. */
    @Override
    public void close() {
        CompletableResultCode done = provider.shutdown().join(SHUTDOWN_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        long left = outstanding.getAndSet(0);
        if (!done.isSuccess() && left > 0) {
            droppedAtShutdown.increment(left);
            LOG.warn("Stopped with {} spans not exported", left);
        }
    }

    /** Counts what the endpoint accepted and what was given up on after the retries. */
    private final class CountingExporter implements SpanExporter {
        private final SpanExporter delegate;

        CountingExporter(SpanExporter delegate) {
            this.delegate = delegate;
        }

        @Override
        public CompletableResultCode export(Collection<SpanData> spans) {
            int count = spans.size();
            outstanding.addAndGet(-count);
            CompletableResultCode result = delegate.export(spans);
            result.whenComplete(() -> {
                if (result.isSuccess()) {
                    exported.increment(count);
                } else {
                    droppedExportFailed.increment(count);
                    long failures = failedExports.incrementAndGet();
                    if (Long.bitCount(failures) == 1) {
                        LOG.warn("Cannot export {} spans to {} after retries; they are dropped ({} failed exports "
                                + "so far)", count, settings.tracesEndpoint(), failures);
                    }
                }
            });
            return result;
        }

        @Override
        public CompletableResultCode flush() {
            return delegate.flush();
        }

        @Override
        public CompletableResultCode shutdown() {
            return delegate.shutdown();
        }
    }
}
