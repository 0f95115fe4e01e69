package dev.switchboard.gateway.guardrails;

import static dev.switchboard.gateway.guardrails.GuardrailFixtures.ENGINE;
import static dev.switchboard.gateway.guardrails.GuardrailFixtures.PARSER;
import static dev.switchboard.gateway.guardrails.GuardrailFixtures.completion;
import static dev.switchboard.gateway.guardrails.GuardrailFixtures.json;
import static dev.switchboard.gateway.guardrails.GuardrailFixtures.request;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.gateway.Json;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HookResultsTest {
    private static final GuardrailSet SET = PARSER.parse(json("""
            {"before_request_hooks": [{"id": "in-guard", "deny": true, "checks": [
               {"id": "default.contains", "parameters": {"operator": "none", "words": ["Apple"]}}]}],
             "output_guardrails": [{"id": "out-guard", "default.wordCount": {"maxWords": 3}}]}"""));

    private static HookOutcome before(String userText) {
        return ENGINE.run(SET.input(), Phase.INPUT, request("gpt-4o", userText), Map.of(), "gpt-4o");
    }

    private static HookOutcome after(String answer) {
        return ENGINE.run(SET.output(), Phase.OUTPUT, completion(answer), Map.of(), "gpt-4o");
    }

    @Test
    void hookResultsHavePortkeysShape() {
        ObjectNode hooks = HookResults.toJson(before("pears"), after("far too many words here"));

        assertThat(hooks.propertyStream().map(Map.Entry::getKey).toList())
                .containsExactly("before_request_hooks", "after_request_hooks");
        JsonNode in = hooks.path("before_request_hooks").get(0);
        assertThat(in.path("id").asText()).isEqualTo("in-guard");
        assertThat(in.path("verdict").asBoolean()).isTrue();
        assertThat(in.path("deny").asBoolean()).isTrue();
        assertThat(in.path("async").isBoolean()).isTrue();
        assertThat(in.path("execution_time").isIntegralNumber()).isTrue();
        JsonNode check = in.path("checks").get(0);
        assertThat(check.path("id").asText()).isEqualTo("default.contains");
        assertThat(check.path("verdict").asBoolean()).isTrue();
        assertThat(check.path("data").isObject()).isTrue();
        assertThat(check.path("execution_time").isIntegralNumber()).isTrue();
        JsonNode out = hooks.path("after_request_hooks").get(0);
        assertThat(out.path("id").asText()).isEqualTo("out-guard");
        assertThat(out.path("verdict").asBoolean()).isFalse();
        assertThat(out.path("deny").asBoolean()).isFalse();
    }

    @Test
    void aPhaseThatDidNotRunIsAnEmptyArray() {
        ObjectNode hooks = HookResults.toJson(before("pears"), null);

        assertThat(hooks.path("after_request_hooks").isArray()).isTrue();
        assertThat(hooks.path("after_request_hooks")).isEmpty();
    }

    @Test
    void theDeniedBodyIsAnOpenAiStyleErrorWithHookResults() {
        HookOutcome denied = before("Apple?");

        ObjectNode body = HookResults.denied(denied, null);
        JsonNode written = Json.read(Json.write(body));

        assertThat(written.at("/error/type").asText()).isEqualTo("hooks_failed");
        assertThat(written.at("/error/message").asText())
                .startsWith("The guardrail checks defined in the config failed");
        assertThat(written.path("error").has("param")).isTrue();
        assertThat(written.at("/error/param").isNull()).isTrue();
        assertThat(written.at("/error/code").isNull()).isTrue();
        assertThat(written.at("/hook_results/before_request_hooks/0/verdict").asBoolean()).isFalse();
        assertThat(written.at("/hook_results/after_request_hooks").isArray()).isTrue();
    }

    @Test
    void aCheckErrorIsReportedInItsResult() {
        CheckResult failed = new CheckResult("default.regexMatch", false, null, "default.regexMatch could not run: x", 1);
        HookOutcome outcome = new HookOutcome(List.of(new HookResult("g", false, true, false, List.of(failed), 1)),
                true, true, Json.object());

        JsonNode check = HookResults.toJson(outcome, null).at("/before_request_hooks/0/checks/0");

        assertThat(check.at("/error/message").asText()).isEqualTo("default.regexMatch could not run: x");
        assertThat(check.path("verdict").asBoolean()).isFalse();
    }

    @Test
    void statusFollowsPortkeysContract() {
        HookOutcome passed = before("pears");
        HookOutcome failedOutput = after("far too many words here");

        assertThat(HookResults.status(200, passed, after("ok"))).isEqualTo(200);
        assertThat(HookResults.status(200, passed, failedOutput)).isEqualTo(246);
        assertThat(HookResults.status(500, passed, failedOutput)).as("upstream errors keep their status").isEqualTo(500);
        assertThat(HookResults.status(200, before("Apple"), null)).isEqualTo(446);
        assertThat(HookResults.status(200, null, null)).isEqualTo(200);
    }
}
