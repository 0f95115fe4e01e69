package dev.switchboard.app.playground;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every assertion kind passes on the output it describes and fails, with a reason, on one it does not. */
class AssertionTest {

    private static CellResult answered(String output, Long latencyMs, String costUsd) {
        return new CellResult(CellStatus.DONE, output, 10L, latencyMs, 10, 5,
                costUsd == null ? null : new BigDecimal(costUsd), null, null, null);
    }

    private static Verdict check(String spec, CellResult result) {
        return Assertion.parse(spec).check(result);
    }

    @ParameterizedTest(name = "{0} passes on ''{1}'' and fails on ''{2}''")
    @CsvSource(delimiter = '|', value = {
            "equals: Paris        | '  Paris\n'                        | Paris, France",
            "contains: refund     | We will refund you                 | We cannot help",
            "regex: ^\\d{5}$      | 75001                              | 7500",
            "json                 | '```json\n{\"a\": 1}\n```'         | The answer is {a: 1}",
            "'schema: {\"type\":\"object\",\"required\":[\"id\"],\"properties\":{\"id\":{\"type\":\"integer\"}}}' "
                    + "| '{\"id\": 7}' | '{\"id\": \"seven\"}'"})
    void textAssertions(String spec, String passing, String failing) {
        assertThat(check(spec, answered(passing, 100L, "0.001")).passed()).isTrue();
        Verdict failed = check(spec, answered(failing, 100L, "0.001"));
        assertThat(failed.passed()).isFalse();
        assertThat(failed.detail()).isNotBlank();
        assertThat(failed.assertion()).isEqualTo(spec);
    }

    @Test
    void schemaFailureNamesTheProblem() {
        Verdict verdict = check("schema: {\"type\":\"object\",\"required\":[\"id\"]}", answered("{}", 1L, null));
        assertThat(verdict.passed()).isFalse();
        assertThat(verdict.detail()).contains("id");
        assertThat(check("schema: {\"type\":\"object\"}", answered("not json", 1L, null)).detail())
                .isEqualTo("not valid JSON");
    }

    @Test
    void maxLatencyPassesAtTheLimitAndFailsAboveIt() {
        assertThat(check("max_latency_ms: 2000", answered("x", 2000L, null)).passed()).isTrue();
        Verdict slow = check("max_latency_ms: 2000", answered("x", 2001L, null));
        assertThat(slow.passed()).isFalse();
        assertThat(slow.detail()).isEqualTo("2001 ms");
    }

    @Test
    void maxCostPassesWithinBudgetAndFailsAboveOrWhenUnknown() {
        assertThat(check("max_cost_usd: 0.01", answered("x", 1L, "0.01")).passed()).isTrue();
        assertThat(check("max_cost_usd: 0.01", answered("x", 1L, "0.0101")).passed()).isFalse();
        Verdict unknown = check("max_cost_usd: 0.01", answered("x", 1L, null));
        assertThat(unknown.passed()).isFalse();
        assertThat(unknown.detail()).contains("cost unknown");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "contain: x            | Unknown assertion 'contain'",
            "contains:             | 'contains' needs a value",
            "regex: ([a-z          | Invalid regex",
            "max_latency_ms: fast  | 'max_latency_ms' needs a number",
            "max_cost_usd: -1      | cannot be negative",
            "schema: [1]           | needs a JSON Schema object"})
    void badSpecsAreExplained(String spec, String message) {
        assertThatThrownBy(() -> Assertion.parse(spec)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(message);
    }
}
