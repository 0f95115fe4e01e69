package dev.switchboard.app.playground;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Test cases from CSV and JSON lines files, and typed in. */
class TestCaseFilesTest {

    @Test
    void csvColumnsAreNameVariablesAndAssertionsWithQuotedFields() {
        String csv = "name,city,note,assert,assert 2\r\n"
                + "paris,Paris,\"says \"\"hi\"\", then\nbye\",contains: Paris,max_latency_ms: 3000\r\n"
                + ",Lyon,plain,,\n";

        var cases = TestCaseFiles.parse("cases.CSV", csv);

        assertThat(cases).hasSize(2);
        assertThat(cases.getFirst().name()).isEqualTo("paris");
        assertThat(cases.getFirst().variables()).isEqualTo(Map.of("city", "Paris", "note", "says \"hi\", then\nbye"));
        assertThat(cases.getFirst().assertions()).containsExactly("contains: Paris", "max_latency_ms: 3000");
        assertThat(cases.get(1).name()).isEqualTo("case 2");
        assertThat(cases.get(1).assertions()).isEmpty();
    }

    @Test
    void jsonLinesCarryVariablesOfAnyTypeAndAssertions() {
        String jsonl = "{\"name\":\"a\",\"vars\":{\"n\":3,\"city\":\"Oslo\"},\"assert\":[\"json\"]}\n\n"
                + "{\"variables\":{\"city\":\"Rome\"}}\n";

        var cases = TestCaseFiles.parse("cases.jsonl", jsonl);

        assertThat(cases).extracting(TestCase::name).containsExactly("a", "case 2");
        assertThat(cases.getFirst().variables()).isEqualTo(Map.of("n", "3", "city", "Oslo"));
        assertThat(cases.getFirst().assertions()).containsExactly("json");
    }

    @Test
    void aBadLineIsNamed() {
        assertThatThrownBy(() -> TestCaseFiles.parse("c.jsonl", "{\"name\":\"a\"}\n{oops"))
                .hasMessage("Line 2 is not valid JSON");
        assertThatThrownBy(() -> TestCaseFiles.parse("c.csv", "a,b\n1\n")).hasMessageContaining("Line 2 has 1");
        assertThatThrownBy(() -> TestCaseFiles.parse("c.csv", "a,assert\n1,regex: (\n"))
                .hasMessageContaining("Line 2: Invalid regex");
        assertThatThrownBy(() -> TestCaseFiles.variables("city Paris")).hasMessageContaining("name=value");
    }
}
