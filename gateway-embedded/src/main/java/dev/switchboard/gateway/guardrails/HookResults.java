package dev.switchboard.gateway.guardrails;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.gateway.Json;

/** Renders guardrail outcomes in Portkey's wire shapes and picks the HTTP status they call for. */
public final class HookResults {
    /** A {@code deny} guardrail failed: the request is refused. */
    public static final int DENIED_STATUS = 446;
    /** A guardrail without {@code deny} failed: the normal body, plus {@code hook_results}. */
    public static final int FAILED_STATUS = 246;
    static final String DENIED_MESSAGE = "The guardrail checks defined in the config failed. "
            + "You can find more information in the `hook_results` object.";

    private HookResults() {
    }

    /**
     * {@code {"before_request_hooks": [...], "after_request_hooks": [...]}}; either outcome may be null (phase not
     * run), which gives an empty array.
     */
    public static ObjectNode toJson(HookOutcome before, HookOutcome after) {
        ObjectNode hooks = Json.object();
        hooks.set(Phase.INPUT.hooksKey(), results(before));
        hooks.set(Phase.OUTPUT.hooksKey(), results(after));
        return hooks;
    }

    /** The body of a 446 answer: an OpenAI-style error of type {@code hooks_failed} plus {@code hook_results}. */
    public static ObjectNode denied(HookOutcome before, HookOutcome after) {
        ObjectNode body = Json.object();
        body.putObject("error")
                .put("message", DENIED_MESSAGE)
                .put("type", "hooks_failed")
                .putNull("param")
                .putNull("code");
        body.set("hook_results", toJson(before, after));
        return body;
    }

    /**
     * The status to answer with: 446 if any phase denied, 246 if a guardrail failed and upstream answered 200,
     * otherwise upstream's own status. Either outcome may be null.
     */
    public static int status(int upstreamStatus, HookOutcome before, HookOutcome after) {
        if (denied(before) || denied(after)) {
            return DENIED_STATUS;
        }
        boolean failed = before != null && before.failed() || after != null && after.failed();
        return failed && upstreamStatus == 200 ? FAILED_STATUS : upstreamStatus;
    }

    private static boolean denied(HookOutcome outcome) {
        return outcome != null && outcome.denied();
    }

    private static ArrayNode results(HookOutcome outcome) {
        ArrayNode array = Json.MAPPER.createArrayNode();
        if (outcome == null) {
            return array;
        }
        for (HookResult result : outcome.results()) {
            ObjectNode hook = array.addObject()
                    .put("verdict", result.verdict())
                    .put("id", result.id())
                    .put("type", "guardrail");
            ArrayNode checks = hook.putArray("checks");
            for (CheckResult check : result.checks()) {
                ObjectNode json = checks.addObject().put("id", check.id()).put("verdict", check.verdict());
                if (check.data() == null) {
                    json.putNull("data");
                } else {
                    json.set("data", check.data().deepCopy());
                }
                if (check.error() != null) {
                    json.putObject("error").put("message", check.error());
                }
                json.put("execution_time", check.executionTimeMs());
            }
            hook.put("deny", result.deny())
                    .put("async", result.async())
                    .put("execution_time", result.executionTimeMs());
        }
        return array;
    }
}
