package dev.switchboard.gateway.guardrails;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * What running one phase's guardrails decided. {@code denied}: a failing {@code deny} guardrail, refuse with 446.
 * {@code failed}: some non-async guardrail failed, answer 246 if not denied. {@code body}: the body to use from here
 * on, a copy with redactions applied (equal to the input when nothing was rewritten).
 */
public record HookOutcome(List<HookResult> results, boolean denied, boolean failed, ObjectNode body) {
    public HookOutcome {
        results = List.copyOf(results);
    }

    /** No guardrails ran: nothing to report, the body unchanged. */
    public static HookOutcome none(ObjectNode body) {
        return new HookOutcome(List.of(), false, false, body);
    }
}
