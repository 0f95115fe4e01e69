package dev.switchboard.gateway.guardrails;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.function.UnaryOperator;

/**
 * A check's answer: its verdict (true = passed), details for {@code hook_results}, and optionally a rewrite the
 * engine applies to every text slot the check read (how redaction reaches the body).
 */
record CheckOutcome(boolean verdict, ObjectNode data, UnaryOperator<String> rewrite) {

    static CheckOutcome of(boolean verdict, ObjectNode data) {
        return new CheckOutcome(verdict, data, null);
    }
}
