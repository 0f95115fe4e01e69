package dev.switchboard.gateway.guardrails;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** The outcome of one check for {@code hook_results}; {@code error} is set when the check could not run (verdict false). */
public record CheckResult(String id, boolean verdict, ObjectNode data, String error, long executionTimeMs) {
}
