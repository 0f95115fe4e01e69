package dev.switchboard.gateway.server;

import dev.switchboard.gateway.GatewayException;
import dev.switchboard.gateway.Json;
import io.javalin.http.Context;

/** Writes the gateway's own answers. */
final class Responses {
    private Responses() {
    }

    static void json(Context ctx, int status, Object body) {
        ctx.status(status).contentType("application/json").result(Json.writeBytes(body));
    }

    /** An OpenAI error object, unless a stream has already started (then the stream reports it instead). */
    static void error(Context ctx, GatewayException e) {
        if (!ctx.res().isCommitted()) {
            json(ctx, e.status(), ErrorBodies.of(e));
        }
    }
}
