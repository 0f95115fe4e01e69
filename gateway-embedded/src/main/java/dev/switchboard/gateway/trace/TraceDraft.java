package dev.switchboard.gateway.trace;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * What the request path knows about one call, kept raw so that the request path does no extra work: usage,
 * estimates, cost and truncation are worked out later by {@link TraceAssembler} on the writer thread.
 * Filled by one request thread, then handed over through the writer's queue and never touched again.
 */
public final class TraceDraft {
    final String id;
    final Instant startedAt;
    final long startNanos;
    final String endpoint;
    String clientTraceId;
    String provider;
    String model;
    boolean stream;
    Map<String, String> metadata = Map.of();
    Map<String, String> requestHeaders = Map.of();
    byte[] requestBody;
    byte[] responseBody;
    List<String> streamChunks;
    String promptName;
    Integer promptVersion;
    long durationMs;
    Long ttftMs;
    int status;
    String error;
    final List<Span> spans = new ArrayList<>();
    String cacheStatus;
    boolean servedFromCache;
    String apiKeyName;
    JsonNode hookResults;
    final List<Consumer<Trace>> afterStore = new ArrayList<>();

    public TraceDraft(String id, String endpoint) {
        this.id = id;
        this.endpoint = endpoint;
        this.startedAt = Instant.now();
        this.startNanos = System.nanoTime();
    }

    public String id() {
        return id;
    }

    public String clientTraceId() {
        return clientTraceId;
    }

    public TraceDraft clientTraceId(String value) {
        this.clientTraceId = value;
        return this;
    }

    public TraceDraft provider(String value) {
        this.provider = value;
        return this;
    }

    /** The provider of the latest attempt, once there was one. */
    public Optional<String> lastProvider() {
        return Optional.ofNullable(provider);
    }

    /** Stretches the latest span to now, e.g. to the end of a relayed stream, with why it failed if it did. */
    public TraceDraft completeLastSpan(String error) {
        if (!spans.isEmpty()) {
            Span last = spans.removeLast();
            spans.add(new Span(last.index(), last.kind(), last.target(), last.retry(), last.provider(), last.model(),
                    last.url(), last.startedAt(), Duration.between(last.startedAt(), Instant.now()).toMillis(),
                    last.status(), error));
        }
        return this;
    }

    public TraceDraft model(String value) {
        this.model = value;
        return this;
    }

    public TraceDraft stream(boolean value) {
        this.stream = value;
        return this;
    }

    public TraceDraft metadata(Map<String, String> value) {
        this.metadata = value;
        return this;
    }

    public Map<String, String> metadata() {
        return metadata;
    }

    public TraceDraft requestHeaders(Map<String, String> value) {
        this.requestHeaders = value;
        return this;
    }

    public TraceDraft requestBody(byte[] value) {
        this.requestBody = value;
        return this;
    }

    public TraceDraft responseBody(byte[] value) {
        this.responseBody = value;
        return this;
    }

    /** The OpenAI chunk payloads the client was sent (or would have been, for hidden usage chunks). */
    public TraceDraft streamChunks(List<String> value) {
        this.streamChunks = value;
        return this;
    }

    public TraceDraft prompt(String name, Integer version) {
        this.promptName = name;
        this.promptVersion = version;
        return this;
    }

    /** {@code HIT} also means the answer cost nothing now: its cost is recorded as saved. */
    public TraceDraft cacheStatus(String status) {
        this.cacheStatus = status;
        this.servedFromCache = "HIT".equals(status);
        return this;
    }

    public TraceDraft apiKeyName(String value) {
        this.apiKeyName = value;
        return this;
    }

    public TraceDraft hookResults(JsonNode value) {
        this.hookResults = value;
        return this;
    }

    /** Runs on the writer thread once the trace is stored, with its cost known (e.g. to settle a budget). */
    public TraceDraft afterStore(Consumer<Trace> callback) {
        afterStore.add(callback);
        return this;
    }

    public String model() {
        return model;
    }

    public String error() {
        return error;
    }

    public List<String> streamChunks() {
        return streamChunks;
    }

    public TraceDraft error(String value) {
        this.error = value;
        return this;
    }

    public TraceDraft addSpan(Span span) {
        spans.add(span);
        return this;
    }

    public int spanCount() {
        return spans.size();
    }

    /** Milliseconds since the request started, for spans and TTFT. */
    public long elapsedMs() {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }

    public TraceDraft markFirstToken() {
        if (ttftMs == null) {
            ttftMs = elapsedMs();
        }
        return this;
    }

    /**
     * Roughly how much heap this draft holds until it is assembled: its bodies and chunks plus a fixed allowance
     * for headers, spans and the objects around them. The trace writer's memory budget counts in these units.
     */
    long approximateBytes() {
        long bytes = TraceWriter.OBJECT_ALLOWANCE;
        bytes += requestBody == null ? 0 : requestBody.length;
        bytes += responseBody == null ? 0 : responseBody.length;
        if (streamChunks != null) {
            for (String chunk : streamChunks) {
                bytes += chunk.length();
            }
        }
        return bytes;
    }

    /** Fixes the status and duration; called once when the caller has its full answer. */
    public TraceDraft finish(int httpStatus) {
        this.status = httpStatus;
        this.durationMs = elapsedMs();
        return this;
    }
}
