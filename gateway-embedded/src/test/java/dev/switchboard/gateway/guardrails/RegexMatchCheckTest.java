package dev.switchboard.gateway.guardrails;

import static dev.switchboard.gateway.guardrails.GuardrailFixtures.PARAMS_PATH;
import static dev.switchboard.gateway.guardrails.GuardrailFixtures.checkError;
import static dev.switchboard.gateway.guardrails.GuardrailFixtures.onInput;
import static dev.switchboard.gateway.guardrails.GuardrailFixtures.request;
import static dev.switchboard.gateway.guardrails.GuardrailFixtures.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.gateway.GatewayException;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RegexMatchCheckTest {

    @Test
    void passesWhenTheRuleMatchesAndReportsTheMatch() {
        CheckResult result = onInput("default.regexMatch", """
                {"rule": "order #\\\\d{3}"}""", "where is order #123?");

        assertThat(result.verdict()).isTrue();
        assertThat(result.data().path("matchedText").asText()).isEqualTo("order #123");
    }

    @Test
    void failsWhenTheRuleDoesNotMatch() {
        assertThat(onInput("default.regexMatch", """
                {"rule": "\\\\d{3}"}""", "no digits here").verdict()).isFalse();
    }

    @Test
    void notTurnsTheRuleIntoABlockList() {
        String blockSecrets = """
                {"rule": "sk-[A-Za-z0-9]{8,}", "not": true}""";

        assertThat(onInput("default.regexMatch", blockSecrets, "my key is sk-abcdefgh1234").verdict()).isFalse();
        assertThat(onInput("default.regexMatch", blockSecrets, "no key here").verdict()).isTrue();
    }

    @Test
    void inspectsOnlyTheLatestUserMessage() {
        CheckResult result = run(Phase.INPUT, "default.regexMatch", """
                {"rule": "\\\\d{3}"}""", request("gpt-4o", "order 123", "thanks, that is all"), Map.of());

        assertThat(result.verdict()).isFalse();
    }

    @Test
    void aRuleThatBacktracksForeverFailsClosedInsteadOfHanging() {
        long started = System.nanoTime();
        CheckResult result = onInput("default.regexMatch", """
                {"rule": "(x+x+)+y"}""", "x".repeat(5000));

        assertThat(result.verdict()).isFalse();
        assertThat(result.error()).contains("time limit");
        assertThat(System.nanoTime() - started).isLessThan(10_000_000_000L);
    }

    @Test
    void anInvalidRuleIsRejectedWhenTheConfigIsRead() {
        GatewayException error = checkError("default.regexMatch", """
                {"rule": "([a-z"}""");

        assertThat(error.param()).isEqualTo(PARAMS_PATH + ".rule");
        assertThat(error.getMessage()).contains("not a valid regular expression");
    }

    @Test
    void aMissingRuleIsRejected() {
        GatewayException error = checkError("default.regexMatch", "{}");

        assertThat(error.param()).isEqualTo(PARAMS_PATH + ".rule");
        assertThat(error.getMessage()).contains("needs 'rule'");
    }
}
