package dev.switchboard.gateway.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.gateway.GatewayException;
import dev.switchboard.gateway.Json;
import dev.switchboard.gateway.provider.UpstreamClient;
import dev.switchboard.gateway.provider.UpstreamErrors;
import dev.switchboard.gateway.provider.UpstreamRequest;
import dev.switchboard.gateway.routing.Route;
import dev.switchboard.gateway.routing.RouteResolver;
import dev.switchboard.gateway.trace.Span;
import dev.switchboard.gateway.trace.TraceDraft;
import dev.switchboard.gateway.trace.TraceWriter;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Locale;
import java.util.function.UnaryOperator;
import okhttp3.Response;

/**
 * Proxies one OpenAI-format call to its provider and records it: resolve the route, translate, call, translate
 * back, answer, then hand the trace to the writer. Every failure ends as an OpenAI error object and a trace.
 */
public final class ProxyHandler {
    private final RouteResolver routes;
    private final UpstreamClient upstream;
    private final TraceWriter traces;
    private final StreamRelay streams;

    /** Turns the parsed body into the request to proxy, e.g. by rendering a saved prompt; may fill the trace. */
    @FunctionalInterface
    public interface RequestPreparer {
        PreparedRequest prepare(ObjectNode body, TraceDraft draft);
    }

    /** The OpenAI request to send and the headers that choose its route. */
    public record PreparedRequest(ObjectNode body, UnaryOperator<String> headers) {
    }

    public ProxyHandler(RouteResolver routes, UpstreamClient upstream, TraceWriter traces) {
        this.routes = routes;
        this.upstream = upstream;
        this.traces = traces;
        this.streams = new StreamRelay(upstream);
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
        Route route = routes.resolve(prepared.headers(), model);
        draft.provider(route.target().provider());
        ctx.header("x-portkey-provider", route.target().provider());
        UpstreamRequest call = endpoint.request(route.adapter(), request, route.target());
        if (stream) {
            if (endpoint == ProxyEndpoint.EMBEDDINGS) {
                throw GatewayException.badRequest("stream", "Embeddings cannot be streamed");
            }
            streams.relay(ctx, route, call, request, draft);
        } else {
            respondWhole(ctx, endpoint, route, call, request, draft);
        }
    }

    private void respondWhole(Context ctx, ProxyEndpoint endpoint, Route route, UpstreamRequest call,
                              ObjectNode request, TraceDraft draft) {
        long spanStart = draft.elapsedMs();
        Instant spanStartedAt = Instant.now();
        byte[] bytes;
        int status;
        try (Response response = upstream.open(call, route.timeout(), false)) {
            status = response.code();
            bytes = response.body().bytes();
            draft.addSpan(attempt(route, call, spanStartedAt, draft.elapsedMs() - spanStart, status, null,
                    draft.spanCount()));
            if (!response.isSuccessful()) {
                throw upstreamError(ctx, response, bytes);
            }
        } catch (IOException e) {
            GatewayException failure = UpstreamClient.failure(e, route.timeout());
            draft.addSpan(attempt(route, call, spanStartedAt, draft.elapsedMs() - spanStart, null,
                    failure.getMessage(), draft.spanCount()));
            throw failure;
        } catch (GatewayException e) {
            if (draft.spanCount() == 0) {
                draft.addSpan(attempt(route, call, spanStartedAt, draft.elapsedMs() - spanStart, e.status(),
                        e.getMessage(), 0));
            }
            throw e;
        }
        byte[] answer = route.adapter().speaksCanonicalFormat() ? bytes
                : Json.writeBytes(endpoint.response(route.adapter(), parseUpstream(bytes), request));
        ctx.status(200).contentType("application/json").result(answer);
        draft.responseBody(answer).finish(200);
    }

    private static JsonNode parseUpstream(byte[] bytes) {
        try {
            return Json.read(bytes);
        } catch (UncheckedIOException e) {
            throw new GatewayException(502, "api_error", "invalid_upstream_response", null,
                    "The provider answered with a body that is not JSON");
        }
    }

    /** The provider's error, passed on with its status and its message in OpenAI's shape. */
    static GatewayException upstreamError(Context ctx, Response response, byte[] bytes) {
        String body = new String(bytes, StandardCharsets.UTF_8);
        String retryAfter = response.header("retry-after");
        if (retryAfter != null) {
            ctx.header("retry-after", retryAfter);
        }
        int status = response.code() >= 400 ? response.code() : 502;
        return new GatewayException(status, UpstreamErrors.type(status, body).toLowerCase(Locale.ROOT), null, null,
                UpstreamErrors.message(status, body));
    }

    static Span attempt(Route route, UpstreamRequest call, Instant startedAt, long durationMs, Integer status,
                        String error, int index) {
        return new Span(index, "attempt", route.target().provider(), null, call.url(), startedAt, durationMs, status,
                error);
    }
}
