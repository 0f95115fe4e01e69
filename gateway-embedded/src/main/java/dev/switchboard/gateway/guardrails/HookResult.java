package dev.switchboard.gateway.guardrails;

import java.util.List;

/** The outcome of one guardrail: its verdict is true only when every check passed. */
public record HookResult(String id, boolean verdict, boolean deny, boolean async, List<CheckResult> checks,
        long executionTimeMs) {
    public HookResult {
        checks = List.copyOf(checks);
    }
}
