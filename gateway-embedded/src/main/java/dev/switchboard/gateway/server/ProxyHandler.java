package dev.switchboard.gateway.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.gateway.GatewayException;
import dev.switchboard.gateway.Json;
import dev.switchboard.gateway.cache.CacheKeys;
import dev.switchboard.gateway.cache.ResponseCache;
import dev.switchboard.gateway.cache.ResponseCache.CachedAnswer;
import dev.switchboard.gateway.guardrails.HookResults;
import dev.switchboard.gateway.keys.ApiKeyGuard;
import dev.switchboard.gateway.keys.ApiKeyGuard.Admission;
import dev.switchboard.gateway.keys.ApiKey;
import dev.switchboard.gateway.provider.UpstreamClient;
import dev.switchboard.gateway.routing.AttemptResult;
import dev.switchboard.gateway.routing.RouteResolver;
import dev.switchboard.gateway.routing.Router;
import dev.switchboard.gateway.routing.RoutingConfig;
import dev.switchboard.gateway.server.UpstreamAttempts.OpenStream;
import dev.switchboard.gateway.server.UpstreamAttempts.WholeBody;
import dev.switchboard.gateway.trace.Span;
import dev.switchboard.gateway.trace.StreamAccumulator;
import dev.switchboard.gateway.trace.TraceDraft;
import dev.switchboard.gateway.trace.TraceWriter;
import io.javalin.http.Context;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * Proxies one OpenAI-format call and records it. In order: resolve the routing config, admit the caller's API key
 * (limits, budgets), run input guardrails, answer from the cache if allowed, let the router try targets (retries,
 * fallbacks, load balancing), run output guardrails, answer, cache, and hand the trace to the writer. Every
 * failure ends as an OpenAI error object and a trace.
 */
public final class ProxyHandler {
    private static final String CACHE_STATUS = "x-portkey-cache-status";

    private final RouteResolver routes;
    private final Router router;
    private final UpstreamAttempts attempts;
    private final TraceWriter traces;
    private final ApiKeyGuard keys;
    private final ResponseCache cache;
    private final GuardrailStage guardrails = new GuardrailStage();
    private final StreamRelay streams = new StreamRelay();

    /** Turns the parsed body into the request to proxy, e.g. by rendering a saved prompt; may fill the trace. */
    @FunctionalInterface
    public interface RequestPreparer {
        PreparedRequest prepare(ObjectNode body, TraceDraft draft);
    }

    /** The OpenAI request to send and the headers that choose its route. */
    public record PreparedRequest(ObjectNode body, UnaryOperator<String> headers) {
    }

    public ProxyHandler(RouteResolver routes, Router router, UpstreamClient upstream, TraceWriter traces,
                        ApiKeyGuard keys, ResponseCache cache) {
        this.routes = routes;
        this.router = router;
        this.attempts = new UpstreamAttempts(routes, upstream);
        this.traces = traces;
        this.keys = keys;
        this.cache = cache;
    }

    public void handle(Context ctx, ProxyEndpoint endpoint) {
        handle(ctx, endpoint, (body, draft) -> new PreparedRequest(body, ctx::header));
    }

    public void handle(Context ctx, ProxyEndpoint endpoint, RequestPreparer preparer) {
        TraceDraft draft = new TraceDraft(TraceIds.next(), endpoint.traceName());
        try {
            byte[] body = ctx.bodyAsBytes();
            draft.requestBody(body).requestHeaders(CallerContext.redactedHeaders(ctx));
            draft.clientTraceId(CallerContext.clientTraceId(ctx));
            ctx.header("x-portkey-trace-id", draft.clientTraceId() == null ? draft.id() : draft.clientTraceId());
            draft.metadata(CallerContext.metadata(ctx));
            PreparedRequest prepared = preparer.prepare(RequestBodies.object(body), draft);
            proxy(ctx, endpoint, prepared, draft);
        } catch (GuardrailStage.Denied denied) {
            Responses.json(ctx, denied.status(), denied.body());
            draft.hookResults(denied.body().get("hook_results")).error(denied.getMessage()).finish(denied.status());
        } catch (GatewayException e) {
            if (e instanceof ApiKeyGuard.RateLimitedException limited) {
                ctx.header("retry-after", String.valueOf(limited.retryAfterSeconds()));
            }
            Responses.error(ctx, e);
            draft.error(e.getMessage()).finish(e.status());
        } finally {
            traces.submit(draft);
        }
    }

    private void proxy(Context ctx, ProxyEndpoint endpoint, PreparedRequest prepared, TraceDraft draft) {
        ObjectNode request = prepared.body();
        String model = RequestBodies.requiredText(request, "model");
        draft.model(model);
        RequestBodies.requireInput(request, endpoint.inputField());
        boolean stream = RequestBodies.flag(request, "stream");
        draft.stream(stream);
        if (stream && endpoint == ProxyEndpoint.EMBEDDINGS) {
            throw GatewayException.badRequest("stream", "Embeddings cannot be streamed");
        }
        RoutingConfig config = routes.config(prepared.headers(), model);
        ApiKey caller = keys.identify(prepared.headers());
        if (caller != null) {
            draft.apiKeyName(caller.name());
        }
        Admission admission = keys.admit(caller, model, request);
        if (admission.key() != null) {
            draft.afterStore(trace -> keys.settle(admission, trace));
        }
        GuardrailStage.Checked checked = guardrails.before(config.guardrails(), request, draft.metadata(), model);
        CacheDecision caching = caching(ctx, endpoint, config, admission, checked.request(), prepared.headers(),
                draft);
        String cacheKey = caching.key();
        if (caching.lookup()) {
            Optional<CachedAnswer> hit = cache.get(cacheKey);
            if (hit.isPresent()) {
                answerFromCache(ctx, hit.get(), checked, stream, draft);
                return;
            }
        }
        Router.Outcome outcome = router.route(config.root(), conditionContext(draft, request),
                (target, retry) -> attempts.attempt(endpoint, checked.request(), target, retry, stream,
                        prepared.headers(), draft),
                target -> draft.addSpan(UpstreamAttempts.skipped(draft, target)));
        routingHeaders(ctx, config, outcome, draft);
        switch (outcome.result()) {
            case AttemptResult.Failure failure -> {
                if (failure.retryAfter() != null) {
                    ctx.header("retry-after", failure.retryAfter());
                }
                throw failure.error();
            }
            case AttemptResult.Success success when success.answer() instanceof OpenStream open -> {
                streams.relay(ctx, success.route(), open, draft,
                        checked.failed() ? HookResults.FAILED_STATUS : 200);
                afterStream(config, checked, cacheKey, endpoint, draft, model);
            }
            case AttemptResult.Success success -> respondWhole(ctx, endpoint, config, checked, cacheKey, success,
                    draft, model);
        }
    }

    /** Whether and under which key this request uses the cache; {@code key} is null when it does not. */
    private record CacheDecision(String key, boolean lookup) {
        static final CacheDecision NONE = new CacheDecision(null, false);
    }

    /** Decides caching and sets the cache status header (a lookup that hits changes it to HIT). */
    private static CacheDecision caching(Context ctx, ProxyEndpoint endpoint, RoutingConfig config,
                                         Admission admission, ObjectNode request, UnaryOperator<String> headers,
                                         TraceDraft draft) {
        if (config.cache() == null) {
            ctx.header(CACHE_STATUS, "DISABLED");
            return CacheDecision.NONE;
        }
        boolean refresh = "true".equalsIgnoreCase(headers.apply("x-portkey-cache-force-refresh"));
        String status = refresh ? "REFRESH" : "MISS";
        ctx.header(CACHE_STATUS, status);
        draft.cacheStatus(status);
        String namespace = admission.key() == null ? "" : admission.key().id();
        return new CacheDecision(CacheKeys.of(endpoint.traceName(), namespace, request), !refresh);
    }

    private void answerFromCache(Context ctx, CachedAnswer hit, GuardrailStage.Checked checked, boolean stream,
                                 TraceDraft draft) {
        Instant startedAt = Instant.now();
        ctx.header(CACHE_STATUS, "HIT");
        draft.cacheStatus("HIT").provider(hit.provider());
        ctx.header("x-portkey-provider", hit.provider());
        draft.addSpan(new Span(draft.spanCount(), "cache", null, 0, hit.provider(), null, null, startedAt, 0, 200,
                null));
        byte[] body = hit.body().getBytes(StandardCharsets.UTF_8);
        // The trace keeps the whole cached answer either way: it holds the usage the saved cost comes from.
        draft.responseBody(body);
        if (stream) {
            boolean includeUsage = checked.request().path("stream_options").path("include_usage").asBoolean(false);
            SseWriter client = SseWriter.open(ctx);
            for (String chunk : CachedReplay.chunks(Json.read(body), includeUsage)) {
                draft.markFirstToken();
                client.data(chunk);
            }
            client.write("data: [DONE]\n\n".getBytes(StandardCharsets.US_ASCII));
        } else {
            ctx.status(200).contentType("application/json").result(body);
        }
        draft.finish(200);
    }

    private void respondWhole(Context ctx, ProxyEndpoint endpoint, RoutingConfig config,
                              GuardrailStage.Checked checked, String cacheKey, AttemptResult.Success success,
                              TraceDraft draft, String model) {
        WholeBody whole = (WholeBody) success.answer();
        byte[] answer = success.route().adapter().speaksCanonicalFormat() ? whole.bytes()
                : Json.writeBytes(endpoint.response(success.route().adapter(), parseUpstream(whole.bytes()),
                whole.request()));
        int status = 200;
        if (endpoint != ProxyEndpoint.EMBEDDINGS && (checked.before() != null || !config.guardrails().output()
                .isEmpty())) {
            GuardrailStage.Answer guarded = guardrails.after(config.guardrails(), checked,
                    (ObjectNode) parseUpstream(answer), draft.metadata(), model);
            status = guarded.status();
            answer = Json.writeBytes(guarded.body());
            draft.hookResults(guarded.hookResults());
        }
        ctx.status(status).contentType("application/json").result(answer);
        draft.responseBody(answer).finish(status);
        if (cacheKey != null && status == 200) {
            cache.put(cacheKey, new String(answer, StandardCharsets.UTF_8), success.route().target().provider(),
                    config.cache().maxAge());
        }
    }

    private void afterStream(RoutingConfig config, GuardrailStage.Checked checked, String cacheKey,
                             ProxyEndpoint endpoint, TraceDraft draft, String model) {
        if (draft.error() != null || draft.streamChunks() == null || endpoint != ProxyEndpoint.CHAT) {
            return;
        }
        // Folding parses every chunk: do it here only for output checks or the cache, which need the whole
        // answer now; the trace writer folds the stream again for usage and cost, off the request path.
        Supplier<ObjectNode> folded = new FoldOnce(draft.streamChunks());
        draft.hookResults(guardrails.afterStream(config.guardrails(), checked, folded, draft.metadata(), model));
        if (cacheKey != null) {
            cache.put(cacheKey, Json.write(folded.get()), draft.lastProvider().orElse(null),
                    config.cache().maxAge());
        }
    }

    /** A stream's chunks folded into one completion the first time someone asks, then remembered. */
    private static final class FoldOnce implements Supplier<ObjectNode> {
        private final List<String> chunks;
        private ObjectNode folded;

        FoldOnce(List<String> chunks) {
            this.chunks = chunks;
        }

        @Override
        public ObjectNode get() {
            if (folded == null) {
                folded = StreamAccumulator.fold(chunks);
            }
            return folded;
        }
    }

    private static void routingHeaders(Context ctx, RoutingConfig config, Router.Outcome outcome, TraceDraft draft) {
        draft.lastProvider().ifPresent(provider -> ctx.header("x-portkey-provider", provider));
        if (config.fromConfig()) {
            ctx.header("x-portkey-last-used-option-index", outcome.lastUsedPath());
            ctx.header("x-portkey-retry-attempt-count", String.valueOf(outcome.retries()));
        }
    }

    /** What conditional routing may look at: {@code metadata.*} and {@code params.*}. */
    private static JsonNode conditionContext(TraceDraft draft, ObjectNode request) {
        ObjectNode context = Json.object();
        // Copied by hand: valueToTree serialises through a token buffer, a cost paid on every proxied call.
        ObjectNode metadata = context.putObject("metadata");
        draft.metadata().forEach(metadata::put);
        context.set("params", request);
        return context;
    }

    private static JsonNode parseUpstream(byte[] bytes) {
        try {
            return Json.read(bytes);
        } catch (UncheckedIOException e) {
            throw new GatewayException(502, "api_error", "invalid_upstream_response", null,
                    "The provider answered with a body that is not JSON");
        }
    }
}
