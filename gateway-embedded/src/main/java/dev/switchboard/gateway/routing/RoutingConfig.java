package dev.switchboard.gateway.routing;

import dev.switchboard.gateway.guardrails.GuardrailSet;

/**
 * A whole routing decision tree for one request, with the request-wide settings: cache and guardrails.
 *
 * @param cache      null when answers are not cached
 * @param guardrails the config's input and output guardrails (empty when none)
 * @param fromConfig false when the route came only from plain headers (no {@code x-portkey-config})
 */
public record RoutingConfig(RouteNode root, CachePolicy cache, GuardrailSet guardrails, boolean fromConfig) {
}
