package dev.switchboard.gateway.guardrails;

import static dev.switchboard.gateway.guardrails.GuardrailFixtures.ENGINE;
import static dev.switchboard.gateway.guardrails.GuardrailFixtures.PARSER;
import static dev.switchboard.gateway.guardrails.GuardrailFixtures.completion;
import static dev.switchboard.gateway.guardrails.GuardrailFixtures.json;
import static dev.switchboard.gateway.guardrails.GuardrailFixtures.request;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class GuardrailEngineTest {

    private static List<Guardrail> input(String config) {
        return PARSER.parse(json(config)).input();
    }

    private static HookOutcome runInput(String config, String userText) {
        return ENGINE.run(input(config), Phase.INPUT, request("gpt-4o", userText), Map.of(), "gpt-4o");
    }

    @Test
    void allPassingGuardrailsNeitherFailNorDenyButAreStillReported() {
        HookOutcome outcome = runInput("""
                {"input_guardrails": [{"default.wordCount": {"maxWords": 10}, "deny": true}]}""", "short question");

        assertThat(outcome.denied()).isFalse();
        assertThat(outcome.failed()).isFalse();
        assertThat(outcome.results()).singleElement().satisfies(result -> {
            assertThat(result.verdict()).isTrue();
            assertThat(result.deny()).isTrue();
        });
        assertThat(HookResults.status(200, outcome, null)).isEqualTo(200);
    }

    @Test
    void aFailingGuardrailWithoutDenyFailsButLetsTheRequestThrough() {
        HookOutcome outcome = runInput("""
                {"input_guardrails": [{"default.contains": {"operator": "none", "words": ["Apple"]}}]}""",
                "Apple?");

        assertThat(outcome.failed()).isTrue();
        assertThat(outcome.denied()).isFalse();
        assertThat(HookResults.status(200, outcome, null)).isEqualTo(HookResults.FAILED_STATUS);
    }

    @Test
    void aFailingDenyGuardrailDeniesTheRequest() {
        HookOutcome outcome = runInput("""
                {"input_guardrails": [{"default.contains": {"operator": "none", "words": ["Apple"]}, "deny": true}]}""",
                "Apple?");

        assertThat(outcome.denied()).isTrue();
        assertThat(HookResults.status(200, outcome, null)).isEqualTo(HookResults.DENIED_STATUS);
    }

    @Test
    void aGuardrailFailsWhenAnyOfItsChecksFailsAndReportsEveryCheck() {
        HookOutcome outcome = runInput("""
                {"before_request_hooks": [{"id": "g", "deny": true, "checks": [
                  {"id": "default.wordCount", "parameters": {"maxWords": 10}},
                  {"id": "default.regexMatch", "parameters": {"rule": "please"}},
                  {"id": "default.characterCount", "parameters": {"maxCharacters": 100}}]}]}""",
                "give me the answer");

        HookResult result = outcome.results().getFirst();
        assertThat(result.verdict()).isFalse();
        assertThat(result.checks()).extracting(CheckResult::verdict).containsExactly(true, false, true);
        assertThat(outcome.denied()).isTrue();
    }

    @Test
    void everyGuardrailRunsEvenAfterOneDenies() {
        HookOutcome outcome = runInput("""
                {"input_guardrails": [
                  {"id": "first", "default.regexMatch": {"rule": "never"}, "deny": true},
                  {"id": "second", "default.wordCount": {"maxWords": 10}}]}""", "hello");

        assertThat(outcome.results()).extracting(HookResult::id, HookResult::verdict)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("first", false),
                        org.assertj.core.groups.Tuple.tuple("second", true));
    }

    @Test
    void aDenyOnlyDeniesWhenItsOwnGuardrailFails() {
        HookOutcome outcome = runInput("""
                {"input_guardrails": [
                  {"default.wordCount": {"maxWords": 10}, "deny": true},
                  {"default.regexMatch": {"rule": "never"}}]}""", "hello");

        assertThat(outcome.failed()).isTrue();
        assertThat(outcome.denied()).isFalse();
    }

    @Test
    void anAsyncGuardrailIsRecordedButNeverFailsDeniesOrRedacts() {
        ObjectNode request = request("gpt-4o", "mail ada@example.com");

        HookOutcome outcome = ENGINE.run(input("""
                {"input_guardrails": [{"default.pii": {"redact": true}, "deny": true, "async": true}]}"""),
                Phase.INPUT, request, Map.of(), "gpt-4o");

        assertThat(outcome.results().getFirst().verdict()).isFalse();
        assertThat(outcome.results().getFirst().async()).isTrue();
        assertThat(outcome.failed()).isFalse();
        assertThat(outcome.denied()).isFalse();
        assertThat(outcome.body()).isEqualTo(request);
    }

    @Test
    void outputGuardrailsReadTheAssistantContentOfEveryChoice() {
        List<Guardrail> output = PARSER.parse(json("""
                {"output_guardrails": [{"default.contains": {"operator": "none", "words": ["secret"]}, "deny": true}]}"""))
                .output();

        HookOutcome clean = ENGINE.run(output, Phase.OUTPUT, completion("fine", "also fine"), Map.of(), "gpt-4o");
        HookOutcome leaky = ENGINE.run(output, Phase.OUTPUT, completion("fine", "the secret is 42"), Map.of(), "gpt-4o");

        assertThat(clean.denied()).isFalse();
        assertThat(leaky.denied()).isTrue();
        assertThat(HookResults.status(200, null, leaky)).isEqualTo(446);
    }

    @Test
    void aCheckThatCannotRunFailsClosedWithTheReason() {
        HookOutcome outcome = runInput("""
                {"input_guardrails": [{"default.regexMatch": {"rule": "(x+x+)+y"}, "deny": true}]}""",
                "x".repeat(5000));

        CheckResult check = outcome.results().getFirst().checks().getFirst();
        assertThat(check.verdict()).isFalse();
        assertThat(check.error()).contains("default.regexMatch could not run");
        assertThat(outcome.denied()).isTrue();
    }

    @Test
    void noGuardrailsMeansNothingToReportAndTheSameBody() {
        ObjectNode request = request("gpt-4o", "hi");

        HookOutcome outcome = ENGINE.run(List.of(), Phase.INPUT, request, null, null);

        assertThat(outcome.results()).isEmpty();
        assertThat(outcome.failed()).isFalse();
        assertThat(outcome.body()).isEqualTo(request);
    }

    @Test
    void executionTimeIsMeasuredPerCheckAndPerGuardrailInMilliseconds() {
        AtomicLong clock = new AtomicLong();
        // Every clock read advances 2 ms, so each measured span is a known, non-zero number of milliseconds.
        GuardrailEngine engine = new GuardrailEngine(() -> clock.getAndAdd(TimeUnit.MILLISECONDS.toNanos(2)));

        HookOutcome outcome = engine.run(input("""
                {"input_guardrails": [{"default.wordCount": {"maxWords": 9}, "default.pii": {}}]}"""),
                Phase.INPUT, request("gpt-4o", "hi"), Map.of(), "gpt-4o");

        HookResult result = outcome.results().getFirst();
        assertThat(result.checks()).allSatisfy(check -> assertThat(check.executionTimeMs()).isEqualTo(2));
        assertThat(result.executionTimeMs()).isGreaterThanOrEqualTo(4).isLessThan(20);
    }
}
