package dev.switchboard.gateway.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.gateway.GatewayException;
import dev.switchboard.gateway.Json;
import dev.switchboard.gateway.provider.UpstreamClient;
import dev.switchboard.gateway.routing.AttemptResult;
import dev.switchboard.gateway.routing.RouteResolver;
import dev.switchboard.gateway.routing.Router;
import dev.switchboard.gateway.routing.RoutingConfig;
import dev.switchboard.gateway.server.UpstreamAttempts.OpenStream;
import dev.switchboard.gateway.server.UpstreamAttempts.WholeBody;
import dev.switchboard.gateway.trace.TraceDraft;
import dev.switchboard.gateway.trace.TraceWriter;
import io.javalin.http.Context;
import java.io.UncheckedIOException;
import java.util.function.UnaryOperator;

/**
 * Proxies one OpenAI-format call and records it: resolve the routing config, let the router try targets
 * (retries, fallbacks, load balancing), translate the answer back, respond, then hand the trace to the writer.
 * Every failure ends as an OpenAI error object and a trace.
 */
public final class ProxyHandler {
    private final RouteResolver routes;
    private final Router router;
    private final UpstreamAttempts attempts;
    private final TraceWriter traces;
    private final StreamRelay streams = new StreamRelay();

    /** Turns the parsed body into the request to proxy, e.g. by rendering a saved prompt; may fill the trace. */
    @FunctionalInterface
    public interface RequestPreparer {
        PreparedRequest prepare(ObjectNode body, TraceDraft draft);
    }

    /** The OpenAI request to send and the headers that choose its route. */
    public record PreparedRequest(ObjectNode body, UnaryOperator<String> headers) {
    }

    public ProxyHandler(RouteResolver routes, Router router, UpstreamClient upstream, TraceWriter traces) {
        this.routes = routes;
        this.router = router;
        this.attempts = new UpstreamAttempts(routes, upstream);
        this.traces = traces;
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
        } catch (GatewayException e) {
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
        Router.Outcome outcome = router.route(config.root(), conditionContext(draft, request),
                (target, retry) -> attempts.attempt(endpoint, request, target, retry, stream, prepared.headers(),
                        draft),
                target -> draft.addSpan(UpstreamAttempts.skipped(draft, target)));
        routingHeaders(ctx, config, outcome, draft);
        switch (outcome.result()) {
            case AttemptResult.Failure failure -> {
                if (failure.retryAfter() != null) {
                    ctx.header("retry-after", failure.retryAfter());
                }
                throw failure.error();
            }
            case AttemptResult.Success success when success.answer() instanceof OpenStream open ->
                    streams.relay(ctx, success.route(), open, draft);
            case AttemptResult.Success success -> respondWhole(ctx, endpoint, success, draft);
        }
    }

    private static void routingHeaders(Context ctx, RoutingConfig config, Router.Outcome outcome, TraceDraft draft) {
        draft.lastProvider().ifPresent(provider -> ctx.header("x-portkey-provider", provider));
        if (config.fromConfig()) {
            ctx.header("x-portkey-last-used-option-index", outcome.lastUsedPath());
            ctx.header("x-portkey-retry-attempt-count", String.valueOf(outcome.retries()));
        }
    }

    private static void respondWhole(Context ctx, ProxyEndpoint endpoint, AttemptResult.Success success,
                                     TraceDraft draft) {
        WholeBody whole = (WholeBody) success.answer();
        byte[] answer = success.route().adapter().speaksCanonicalFormat() ? whole.bytes()
                : Json.writeBytes(endpoint.response(success.route().adapter(), parseUpstream(whole.bytes()),
                whole.request()));
        ctx.status(200).contentType("application/json").result(answer);
        draft.responseBody(answer).finish(200);
    }

    /** What conditional routing may look at: {@code metadata.*} and {@code params.*}. */
    private static JsonNode conditionContext(TraceDraft draft, ObjectNode request) {
        ObjectNode context = Json.object();
        context.set("metadata", Json.MAPPER.valueToTree(draft.metadata()));
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
