package dev.switchboard.gateway.routing;

import dev.switchboard.gateway.GatewayException;

/** What one call to one target came to: an answer to pass on, or a failure the router may retry or fall back on. */
public sealed interface AttemptResult permits AttemptResult.Success, AttemptResult.Failure {

    /** The provider answered 2xx; {@code answer} is whatever the caller needs to finish (an open stream, a body). */
    record Success(Route route, RouteNode.TargetNode target, Object answer) implements AttemptResult {
    }

    /**
     * @param retryAfter the provider's {@code Retry-After} header, or null
     */
    record Failure(int status, GatewayException error, String retryAfter) implements AttemptResult {
    }
}
