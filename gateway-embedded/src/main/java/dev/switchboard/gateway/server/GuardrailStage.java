package dev.switchboard.gateway.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.gateway.GatewayException;
import dev.switchboard.gateway.guardrails.GuardrailEngine;
import dev.switchboard.gateway.guardrails.GuardrailSet;
import dev.switchboard.gateway.guardrails.HookOutcome;
import dev.switchboard.gateway.guardrails.HookResults;
import dev.switchboard.gateway.guardrails.Phase;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Applies a config's guardrails around the provider call with Portkey's contract: a failing deny check answers
 * 446 with {@code hook_results}; a failing non-deny check answers 246 with the normal body plus
 * {@code hook_results}; redacting checks rewrite the request before it leaves, or the answer before it returns.
 */
final class GuardrailStage {
    private final GuardrailEngine engine = new GuardrailEngine();

    /** The request to send (possibly redacted) and the input results, null when there were no input checks. */
    record Checked(ObjectNode request, HookOutcome before) {
        boolean failed() {
            return before != null && before.failed();
        }
    }

    /** What to answer: status (200 or 246), body, and hook results for the trace (null when none ran). */
    record Answer(int status, ObjectNode body, JsonNode hookResults) {
    }

    /** Guardrails said no: the 446 body to send. */
    static final class Denied extends GatewayException {
        private final ObjectNode body;

        Denied(ObjectNode body) {
            super(HookResults.DENIED_STATUS, "hooks_failed", null, null, "Denied by the config's guardrails");
            this.body = body;
        }

        ObjectNode body() {
            return body;
        }
    }

    Checked before(GuardrailSet guardrails, ObjectNode request, Map<String, String> metadata, String model) {
        if (guardrails.input().isEmpty()) {
            return new Checked(request, null);
        }
        HookOutcome before = engine.run(guardrails.input(), Phase.INPUT, request, metadata, model);
        if (before.denied()) {
            throw new Denied(HookResults.denied(before, null));
        }
        return new Checked(before.body(), before);
    }

    /** Runs output guardrails on a whole answer; {@code answer} is the OpenAI body the provider returned. */
    Answer after(GuardrailSet guardrails, Checked checked, ObjectNode answer, Map<String, String> metadata,
                 String model) {
        HookOutcome after = guardrails.output().isEmpty() ? null
                : engine.run(guardrails.output(), Phase.OUTPUT, answer, metadata, model);
        if (after != null && after.denied()) {
            throw new Denied(HookResults.denied(checked.before(), after));
        }
        if (checked.before() == null && after == null) {
            return new Answer(200, answer, null);
        }
        ObjectNode results = HookResults.toJson(checked.before(), after);
        int status = HookResults.status(200, checked.before(), after);
        ObjectNode body = after != null ? after.body() : answer;
        if (status == HookResults.FAILED_STATUS) {
            body = body.deepCopy();
            body.set("hook_results", results);
        }
        return new Answer(status, body, results);
    }

    /** Results of a streamed call, for the trace only: output checks run on the answer folded just for them. */
    JsonNode afterStream(GuardrailSet guardrails, Checked checked, Supplier<ObjectNode> folded,
                         Map<String, String> metadata, String model) {
        HookOutcome after = guardrails.output().isEmpty() ? null
                : engine.run(guardrails.output(), Phase.OUTPUT, folded.get(), metadata, model);
        return checked.before() == null && after == null ? null : HookResults.toJson(checked.before(), after);
    }
}
