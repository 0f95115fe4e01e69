package dev.switchboard.gateway.guardrails;

import static dev.switchboard.gateway.guardrails.GuardrailFixtures.PARSER;
import static dev.switchboard.gateway.guardrails.GuardrailFixtures.json;
import static dev.switchboard.gateway.guardrails.GuardrailFixtures.parseError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.node.NullNode;
import dev.switchboard.gateway.GatewayException;
import org.junit.jupiter.api.Test;

class GuardrailParserTest {

    @Test
    void readsTheFullForm() {
        GuardrailSet set = PARSER.parse(json("""
                {"before_request_hooks": [{"type": "guardrail", "id": "my-guard", "deny": true,
                  "checks": [{"id": "default.regexMatch", "parameters": {"rule": "\\\\d{3}", "not": false}},
                             {"id": "default.wordCount", "parameters": {"maxWords": 100}}]}],
                 "after_request_hooks": [{"id": "out", "async": true,
                  "checks": [{"id": "default.jsonKeys", "parameters": {"keys": ["a"]}}]}]}"""));

        Guardrail input = set.input().getFirst();
        assertThat(input.id()).isEqualTo("my-guard");
        assertThat(input.deny()).isTrue();
        assertThat(input.async()).isFalse();
        assertThat(input.checks()).extracting(GuardrailCheck::id)
                .containsExactly("default.regexMatch", "default.wordCount");
        assertThat(input.checks().getFirst().check()).isInstanceOf(RegexMatchCheck.class);
        Guardrail output = set.output().getFirst();
        assertThat(output.id()).isEqualTo("out");
        assertThat(output.async()).isTrue();
        assertThat(output.deny()).isFalse();
    }

    @Test
    void readsTheShorthandWhereEveryNonSettingKeyIsACheck() {
        GuardrailSet set = PARSER.parse(json("""
                {"input_guardrails": [{"default.contains": {"operator": "none", "words": ["Apple"]},
                                       "default.pii": {"redact": true}, "deny": true, "on_fail": {"feedback": {}}}],
                 "output_guardrails": [{"default.wordCount": {"maxWords": 5}}]}"""));

        Guardrail input = set.input().getFirst();
        assertThat(input.deny()).isTrue();
        assertThat(input.id()).isEqualTo("input_guardrails[0]");
        assertThat(input.checks()).extracting(GuardrailCheck::id).containsExactly("default.contains", "default.pii");
        assertThat(set.output().getFirst().deny()).isFalse();
        assertThat(set.output().getFirst().checks()).extracting(GuardrailCheck::id).containsExactly("default.wordCount");
    }

    @Test
    void bothFormsCombineFullFormFirst() {
        GuardrailSet set = PARSER.parse(json("""
                {"input_guardrails": [{"id": "short", "default.wordCount": {"maxWords": 5}}],
                 "before_request_hooks": [{"id": "full", "checks": [{"id": "default.pii"}]}]}"""));

        assertThat(set.input()).extracting(Guardrail::id).containsExactly("full", "short");
        assertThat(set.output()).isEmpty();
    }

    @Test
    void aFullFormObjectInAShorthandListIsAccepted() {
        GuardrailSet set = PARSER.parse(json("""
                {"input_guardrails": [{"id": "g", "checks": [{"id": "default.pii"}]}]}"""));

        assertThat(set.input().getFirst().checks()).extracting(GuardrailCheck::id).containsExactly("default.pii");
    }

    @Test
    void disabledChecksAreSkipped() {
        GuardrailSet set = PARSER.parse(json("""
                {"before_request_hooks": [{"checks": [{"id": "default.pii", "is_enabled": false},
                                                      {"id": "default.wordCount", "parameters": {"maxWords": 5}}]}]}"""));

        assertThat(set.input().getFirst().checks()).extracting(GuardrailCheck::id).containsExactly("default.wordCount");
    }

    @Test
    void aConfigWithoutGuardrailsGivesAnEmptySet() {
        assertThat(PARSER.parse(json("{\"retry\": {\"attempts\": 2}}")).isEmpty()).isTrue();
        assertThat(PARSER.parse(NullNode.getInstance()).isEmpty()).isTrue();
        assertThat(PARSER.parse(null).isEmpty()).isTrue();
    }

    @Test
    void savedGuardrailIdsAreRejectedWithAHint() {
        GatewayException error = parseError("""
                {"input_guardrails": ["pg-guard-123"]}""");

        assertThat(error.param()).isEqualTo("config.input_guardrails[0]");
        assertThat(error.getMessage()).startsWith("saved guardrails are not supported; define checks inline")
                .contains("pg-guard-123");
    }

    @Test
    void anUnknownCheckIdListsTheKnownOnes() {
        GatewayException error = parseError("""
                {"before_request_hooks": [{"checks": [{"id": "default.pii"}, {"id": "portkey.gibberish"}]}]}""");

        assertThat(error.param()).isEqualTo("config.before_request_hooks[0].checks[1].id");
        assertThat(error.getMessage()).contains("unknown check 'portkey.gibberish'")
                .contains("default.characterCount", "default.contains", "default.jsonKeys", "default.jsonSchema",
                        "default.modelAllowList", "default.modelWhitelist", "default.pii", "default.regexMatch",
                        "default.requiredMetadataKeys", "default.sentenceCount", "default.validUrls",
                        "default.wordCount");
    }

    @Test
    void anUnknownShorthandKeyIsReportedAsAnUnknownCheck() {
        GatewayException error = parseError("""
                {"output_guardrails": [{"default.wordcount": {"maxWords": 5}, "deny": true}]}""");

        assertThat(error.param()).isEqualTo("config.output_guardrails[0]['default.wordcount']");
        assertThat(error.getMessage()).contains("unknown check 'default.wordcount'").contains("default.wordCount");
    }

    @Test
    void parameterErrorsNameTheirJsonPathInBothForms() {
        assertThat(parseError("""
                {"input_guardrails": [{"id": "g", "checks": [{"id": "default.pii"},
                  {"id": "default.regexMatch", "parameters": {"rule": "("}}]}]}""").param())
                .isEqualTo("config.input_guardrails[0].checks[1].parameters.rule");
        assertThat(parseError("""
                {"input_guardrails": [{"default.wordCount": {"maxWords": -1}}]}""").param())
                .isEqualTo("config.input_guardrails[0]['default.wordCount'].maxWords");
        assertThat(parseError("""
                {"before_request_hooks": [{"checks": [{"id": "default.pii", "parameters": ["email"]}]}]}""").param())
                .isEqualTo("config.before_request_hooks[0].checks[0].parameters");
    }

    @Test
    void pathsStartAtTheTargetWhenParsingATarget() {
        GatewayException error = catchThrowableOfType(GatewayException.class, () -> PARSER.parse(json("""
                {"provider": "openai", "output_guardrails": [{"default.jsonKeys": {"keys": []}}]}"""),
                "config.targets[1]"));

        assertThat(error.param()).isEqualTo("config.targets[1].output_guardrails[0]['default.jsonKeys'].keys");
    }

    @Test
    void structuralMistakesAreRejected() {
        assertThat(parseError("{\"input_guardrails\": {\"default.pii\": {}}}").param())
                .isEqualTo("config.input_guardrails");
        assertThat(parseError("{\"input_guardrails\": [{\"default.pii\": {}, \"deny\": \"yes\"}]}").param())
                .isEqualTo("config.input_guardrails[0].deny");
        assertThat(parseError("{\"input_guardrails\": [{\"deny\": true}]}").getMessage())
                .contains("has no checks");
        assertThat(parseError("{\"before_request_hooks\": [{\"id\": \"g\"}]}").param())
                .isEqualTo("config.before_request_hooks[0].checks");
        assertThat(parseError("{\"before_request_hooks\": [{\"type\": \"mutator\", \"checks\": []}]}").param())
                .isEqualTo("config.before_request_hooks[0].type");
        assertThat(parseError("{\"after_request_hooks\": [42]}").param())
                .isEqualTo("config.after_request_hooks[0]");
    }
}
