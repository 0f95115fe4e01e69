package dev.switchboard.gateway.guardrails;

import static dev.switchboard.gateway.guardrails.GuardrailFixtures.PARAMS_PATH;
import static dev.switchboard.gateway.guardrails.GuardrailFixtures.checkError;
import static dev.switchboard.gateway.guardrails.GuardrailFixtures.request;
import static dev.switchboard.gateway.guardrails.GuardrailFixtures.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Checks that look at the request itself (model, metadata) rather than its text. */
class RequestChecksTest {

    private static boolean model(String checkId, String parameters, String model) {
        return run(Phase.INPUT, checkId, parameters, request(model, "hi"), Map.of()).verdict();
    }

    private static boolean metadata(String parameters, Map<String, String> metadata) {
        return run(Phase.INPUT, "default.requiredMetadataKeys", parameters, request("gpt-4o", "hi"), metadata)
                .verdict();
    }

    @Test
    void modelWhitelistAllowsOnlyListedModels() {
        String params = """
                {"models": ["gpt-4o-mini", "claude-3-5-haiku-latest"]}""";

        assertThat(model("default.modelWhitelist", params, "gpt-4o-mini")).isTrue();
        assertThat(model("default.modelWhitelist", params, "gpt-4o")).isFalse();
    }

    @Test
    void modelAllowListIsAnAliasAndNotMakesADenyList() {
        assertThat(model("default.modelAllowList", """
                {"models": ["gpt-4o"]}""", "gpt-4o")).isTrue();
        assertThat(model("default.modelWhitelist", """
                {"models": ["o1"], "not": true}""", "o1")).isFalse();
        assertThat(model("default.modelWhitelist", """
                {"models": ["o1"], "not": true}""", "gpt-4o")).isTrue();
    }

    @Test
    void aRequestWithoutAModelFailsTheAllowList() {
        CheckResult result = run(Phase.INPUT, "default.modelWhitelist", """
                {"models": ["gpt-4o"]}""", GuardrailFixtures.json("{\"messages\": []}"), Map.of());

        assertThat(result.verdict()).isFalse();
    }

    @Test
    void modelsAreRequired() {
        assertThat(checkError("default.modelWhitelist", "{}").param()).isEqualTo(PARAMS_PATH + ".models");
    }

    @Test
    void requiredMetadataKeysNeedsAllKeysByDefault() {
        String params = """
                {"metadataKeys": ["team", "_user"]}""";

        assertThat(metadata(params, Map.of("team", "search", "_user", "u1"))).isTrue();
        CheckResult partial = run(Phase.INPUT, "default.requiredMetadataKeys", params, request("gpt-4o", "hi"),
                Map.of("team", "search"));
        assertThat(partial.verdict()).isFalse();
        assertThat(partial.data().path("missing_metadata_keys").toString()).isEqualTo("[\"_user\"]");
    }

    @Test
    void requiredMetadataKeysWithAnyNeedsOneKey() {
        String params = """
                {"metadataKeys": ["team", "_user"], "operator": "any"}""";

        assertThat(metadata(params, Map.of("_user", "u1"))).isTrue();
        assertThat(metadata(params, Map.of())).isFalse();
    }
}
