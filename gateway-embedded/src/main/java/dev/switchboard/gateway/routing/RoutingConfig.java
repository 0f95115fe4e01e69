package dev.switchboard.gateway.routing;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A whole routing decision tree for one request, with the request-wide settings: cache and guardrails.
 *
 * @param cache      null when answers are not cached
 * @param guardrails the config object holding {@code input_guardrails}/{@code output_guardrails}/hooks, or null
 * @param fromConfig false when the route came only from plain headers (no {@code x-portkey-config})
 */
public record RoutingConfig(RouteNode root, CachePolicy cache, JsonNode guardrails, boolean fromConfig) {
}
