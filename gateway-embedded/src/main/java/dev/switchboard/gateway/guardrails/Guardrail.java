package dev.switchboard.gateway.guardrails;

import java.util.List;

/**
 * One guardrail from a config: passes when all its checks pass. A failing {@code deny} guardrail refuses the request
 * (HTTP 446); an {@code async} one is only recorded, never denies, fails or rewrites anything.
 */
public record Guardrail(String id, boolean deny, boolean async, List<GuardrailCheck> checks) {
    public Guardrail {
        checks = List.copyOf(checks);
    }
}
