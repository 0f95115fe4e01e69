package dev.switchboard.gateway.server;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.gateway.GatewayException;
import dev.switchboard.gateway.provider.UpstreamClient;
import dev.switchboard.gateway.provider.UpstreamErrors;
import dev.switchboard.gateway.provider.UpstreamRequest;
import dev.switchboard.gateway.routing.AttemptResult;
import dev.switchboard.gateway.routing.Route;
import dev.switchboard.gateway.routing.RouteNode.TargetNode;
import dev.switchboard.gateway.routing.RouteResolver;
import dev.switchboard.gateway.trace.Span;
import dev.switchboard.gateway.trace.TraceDraft;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Locale;
import java.util.function.UnaryOperator;
import okhttp3.Response;

/**
 * One call to one target, recorded as a span: builds the provider request (with the target's
 * {@code override_params}), sends it, and reports a success only once nothing can fail before the client is
 * answered — the whole body for plain calls, a 2xx status for streams (whose body is then relayed).
 */
final class UpstreamAttempts {
    private final RouteResolver routes;
    private final UpstreamClient upstream;

    UpstreamAttempts(RouteResolver routes, UpstreamClient upstream) {
        this.routes = routes;
        this.upstream = upstream;
    }

    /** A streamed success: the open response, whose body the relay will read and close. */
    record OpenStream(Response response, ObjectNode request) {
    }

    /** A plain success: the provider's whole body and the request it answered. */
    record WholeBody(byte[] bytes, ObjectNode request) {
    }

    AttemptResult attempt(ProxyEndpoint endpoint, ObjectNode request, TargetNode target, int retry, boolean stream,
                          UnaryOperator<String> headers, TraceDraft draft) {
        Instant startedAt = Instant.now();
        long start = draft.elapsedMs();
        Route route;
        UpstreamRequest call;
        ObjectNode body = withOverrides(request, target.overrideParams());
        draft.provider(target.provider());
        try {
            route = routes.route(target, headers);
            draft.provider(route.target().provider());
            call = endpoint.request(route.adapter(), body, route.target());
        } catch (GatewayException e) {
            draft.addSpan(span(draft, target, retry, null, body, null, startedAt, start, e.status(), e.getMessage()));
            return new AttemptResult.Failure(e.status(), e, null);
        }
        Response response;
        try {
            response = upstream.open(call, route.timeout(), stream);
        } catch (GatewayException e) {
            draft.addSpan(span(draft, target, retry, route, body, call, startedAt, start, e.status(), e.getMessage()));
            return new AttemptResult.Failure(e.status(), e, null);
        }
        if (!response.isSuccessful()) {
            try (response) {
                GatewayException error = upstreamError(response, readQuietly(response));
                draft.addSpan(span(draft, target, retry, route, body, call, startedAt, start, response.code(),
                        error.getMessage()));
                return new AttemptResult.Failure(error.status(), error, response.header("retry-after"));
            }
        }
        if (stream) {
            draft.addSpan(span(draft, target, retry, route, body, call, startedAt, start, response.code(), null));
            return new AttemptResult.Success(route, target, new OpenStream(response, body));
        }
        try (response) {
            byte[] bytes = response.body().bytes();
            draft.addSpan(span(draft, target, retry, route, body, call, startedAt, start, response.code(), null));
            return new AttemptResult.Success(route, target, new WholeBody(bytes, body));
        } catch (IOException e) {
            GatewayException failure = UpstreamClient.failure(e, route.timeout());
            draft.addSpan(span(draft, target, retry, route, body, call, startedAt, start, failure.status(),
                    failure.getMessage()));
            return new AttemptResult.Failure(failure.status(), failure, null);
        }
    }

    /** A target left out because its circuit is open. */
    static Span skipped(TraceDraft draft, TargetNode target) {
        return new Span(draft.spanCount(), "skipped", target.path(), 0, target.provider(), null, null, Instant.now(),
                0, null, "circuit open: skipped for a cool-down");
    }

    private static ObjectNode withOverrides(ObjectNode request, ObjectNode overrides) {
        if (overrides.isEmpty()) {
            return request;
        }
        ObjectNode copy = request.deepCopy();
        copy.setAll(overrides);
        return copy;
    }

    private static Span span(TraceDraft draft, TargetNode target, int retry, Route route, ObjectNode body,
                             UpstreamRequest call, Instant startedAt, long start, Integer status, String error) {
        return new Span(draft.spanCount(), "attempt", target.path(), retry,
                route != null ? route.target().provider() : target.provider(), body.path("model").asText(null),
                call == null ? null : call.url(), startedAt, draft.elapsedMs() - start, status, error);
    }

    /** The provider's error, with its status and its message in OpenAI's shape. */
    static GatewayException upstreamError(Response response, byte[] bytes) {
        String body = new String(bytes, StandardCharsets.UTF_8);
        int status = response.code() >= 400 ? response.code() : 502;
        return new GatewayException(status, UpstreamErrors.type(status, body).toLowerCase(Locale.ROOT), null, null,
                UpstreamErrors.message(status, body));
    }

    private static byte[] readQuietly(Response response) {
        try {
            return response.body().bytes();
        } catch (IOException e) {
            return new byte[0];
        }
    }
}
