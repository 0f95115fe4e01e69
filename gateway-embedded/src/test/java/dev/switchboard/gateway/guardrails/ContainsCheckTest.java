package dev.switchboard.gateway.guardrails;

import static dev.switchboard.gateway.guardrails.GuardrailFixtures.PARAMS_PATH;
import static dev.switchboard.gateway.guardrails.GuardrailFixtures.checkError;
import static dev.switchboard.gateway.guardrails.GuardrailFixtures.json;
import static dev.switchboard.gateway.guardrails.GuardrailFixtures.onInput;
import static dev.switchboard.gateway.guardrails.GuardrailFixtures.onOutput;
import static dev.switchboard.gateway.guardrails.GuardrailFixtures.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.gateway.GatewayException;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ContainsCheckTest {

    @Test
    void anyPassesWhenOneWordIsPresent() {
        String params = """
                {"operator": "any", "words": ["refund", "invoice"]}""";

        assertThat(onOutput("default.contains", params, "Your invoice is attached.").verdict()).isTrue();
        assertThat(onOutput("default.contains", params, "Hello there.").verdict()).isFalse();
    }

    @Test
    void allNeedsEveryWord() {
        String params = """
                {"operator": "all", "words": ["refund", "invoice"]}""";

        assertThat(onOutput("default.contains", params, "refund and invoice").verdict()).isTrue();
        CheckResult partial = onOutput("default.contains", params, "only the invoice");
        assertThat(partial.verdict()).isFalse();
        assertThat(partial.data().path("missingWords").toString()).isEqualTo("[\"refund\"]");
    }

    @Test
    void noneFailsWhenABlockedWordAppears() {
        String params = """
                {"operator": "none", "words": ["Apple"]}""";

        assertThat(onInput("default.contains", params, "Tell me about Apple stock").verdict()).isFalse();
        assertThat(onInput("default.contains", params, "Tell me about pears").verdict()).isTrue();
    }

    @Test
    void matchingIsCaseSensitiveLikePortkeyUnlessIgnoreCaseIsSet() {
        assertThat(onInput("default.contains", """
                {"operator": "none", "words": ["Apple"]}""", "apple pie").verdict()).isTrue();
        assertThat(onInput("default.contains", """
                {"operator": "none", "words": ["Apple"], "ignoreCase": true}""", "apple pie").verdict()).isFalse();
    }

    @Test
    void aBlockedWordInTheSystemPromptOrAnEarlierTurnIsFound() {
        var body = json("""
                {"model": "gpt-4o", "messages": [
                  {"role": "system", "content": "You work for Apple."},
                  {"role": "user", "content": [{"type": "text", "text": "Hi"}]}]}""");

        CheckResult result = run(Phase.INPUT, "default.contains", """
                {"operator": "none", "words": ["Apple"]}""", body, Map.of());

        assertThat(result.verdict()).isFalse();
    }

    @Test
    void anUnknownOperatorIsRejected() {
        GatewayException error = checkError("default.contains", """
                {"operator": "some", "words": ["x"]}""");

        assertThat(error.param()).isEqualTo(PARAMS_PATH + ".operator");
        assertThat(error.getMessage()).contains("any, all, none");
    }

    @Test
    void wordsMustBeAnArrayOfStrings() {
        assertThat(checkError("default.contains", """
                {"words": "Apple"}""").param()).isEqualTo(PARAMS_PATH + ".words");
        assertThat(checkError("default.contains", """
                {"words": ["ok", 3]}""").param()).isEqualTo(PARAMS_PATH + ".words[1]");
    }
}
