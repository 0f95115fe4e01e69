package dev.switchboard.gateway.guardrails;

import static dev.switchboard.gateway.guardrails.GuardrailFixtures.PARAMS_PATH;
import static dev.switchboard.gateway.guardrails.GuardrailFixtures.checkError;
import static dev.switchboard.gateway.guardrails.GuardrailFixtures.onOutput;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.gateway.GatewayException;
import org.junit.jupiter.api.Test;

class JsonChecksTest {
    private static final String PERSON_SCHEMA = """
            {"schema": {"type": "object", "required": ["name", "age"],
              "properties": {"name": {"type": "string"}, "age": {"type": "integer", "minimum": 0}}}}""";

    @Test
    void jsonSchemaPassesForMatchingModelOutput() {
        assertThat(onOutput("default.jsonSchema", PERSON_SCHEMA, "{\"name\": \"Ada\", \"age\": 36}").verdict())
                .isTrue();
    }

    @Test
    void jsonSchemaFailsAndSaysWhereTheOutputIsWrong() {
        CheckResult result = onOutput("default.jsonSchema", PERSON_SCHEMA, "{\"name\": \"Ada\", \"age\": \"old\"}");

        assertThat(result.verdict()).isFalse();
        assertThat(result.data().path("validationErrors").get(0).path("path").asText()).isEqualTo("$.age");
    }

    @Test
    void jsonSchemaFindsJsonInsideAFencedBlock() {
        String answer = "Here you go:\n```json\n{\"name\": \"Ada\", \"age\": 36}\n```\nAnything else?";

        assertThat(onOutput("default.jsonSchema", PERSON_SCHEMA, answer).verdict()).isTrue();
    }

    @Test
    void jsonSchemaFailsWhenThereIsNoJson() {
        CheckResult result = onOutput("default.jsonSchema", PERSON_SCHEMA, "Ada is 36 years old.");

        assertThat(result.verdict()).isFalse();
        assertThat(result.data().path("explanation").asText()).contains("No JSON");
    }

    @Test
    void anInvalidSchemaIsRejectedWhenTheConfigIsRead() {
        GatewayException error = checkError("default.jsonSchema", """
                {"schema": {"type": "whatever"}}""");

        assertThat(error.param()).isEqualTo(PARAMS_PATH + ".schema");
        assertThat(error.getMessage()).contains("not a valid JSON Schema");
    }

    @Test
    void aSchemaThatWouldFetchARemoteRefIsRejected() {
        GatewayException error = checkError("default.jsonSchema", """
                {"schema": {"$ref": "https://example.com/person.json"}}""");

        assertThat(error.param()).isEqualTo(PARAMS_PATH + ".schema");
        assertThat(error.getMessage()).contains("https://example.com/person.json").contains("never fetches");
    }

    @Test
    void draft07SchemasWork() {
        String draft7 = """
                {"schema": {"$schema": "http://json-schema.org/draft-07/schema",
                  "type": "array", "items": [{"type": "string"}]}}""";

        assertThat(onOutput("default.jsonSchema", draft7, "[\"a\"]").verdict()).isTrue();
        assertThat(onOutput("default.jsonSchema", draft7, "[1]").verdict()).isFalse();
    }

    @Test
    void anUnknownDialectIsRejected() {
        GatewayException error = checkError("default.jsonSchema", """
                {"schema": {"$schema": "https://example.com/my-dialect", "type": "object"}}""");

        assertThat(error.param()).isEqualTo(PARAMS_PATH + ".schema");
        assertThat(error.getMessage()).contains("unsupported $schema");
    }

    @Test
    void jsonKeysChecksTopLevelKeysWithEachOperator() {
        String json = "{\"answer\": 42, \"sources\": []}";

        assertThat(onOutput("default.jsonKeys", """
                {"keys": ["answer", "sources"], "operator": "all"}""", json).verdict()).isTrue();
        assertThat(onOutput("default.jsonKeys", """
                {"keys": ["answer", "confidence"], "operator": "all"}""", json).verdict()).isFalse();
        assertThat(onOutput("default.jsonKeys", """
                {"keys": ["confidence", "sources"], "operator": "any"}""", json).verdict()).isTrue();
        assertThat(onOutput("default.jsonKeys", """
                {"keys": ["password"], "operator": "none"}""", json).verdict()).isTrue();
        assertThat(onOutput("default.jsonKeys", """
                {"keys": ["answer"], "operator": "none"}""", json).verdict()).isFalse();
    }

    @Test
    void jsonKeysFailsWhenTheOutputIsNotAJsonObject() {
        assertThat(onOutput("default.jsonKeys", """
                {"keys": ["answer"]}""", "[\"answer\"]").verdict()).isFalse();
        assertThat(onOutput("default.jsonKeys", """
                {"keys": ["answer"]}""", "answer: 42").verdict()).isFalse();
    }
}
