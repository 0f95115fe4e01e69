package dev.switchboard.gateway.guardrails;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.ValidationMessage;
import dev.switchboard.gateway.Json;
import java.util.Comparator;
import java.util.Optional;
import java.util.Set;

/**
 * {@code default.jsonSchema}: passes when the text holds JSON (see {@link JsonText}) that validates against
 * {@code schema}; typically an output check on a model asked for structured output. No JSON at all fails.
 */
record JsonSchemaCheck(JsonSchema schema) implements Check {
    private static final int MAX_REPORTED_ERRORS = 10;

    @Override
    public CheckOutcome evaluate(CheckContext context) {
        Optional<JsonNode> json = JsonText.find(context.text());
        if (json.isEmpty()) {
            return CheckOutcome.of(false, Json.object().put("explanation", "No JSON found in the text."));
        }
        Set<ValidationMessage> problems = schema.validate(json.get());
        ObjectNode data = Json.object();
        ArrayNode errors = data.putArray("validationErrors");
        problems.stream().sorted(Comparator.comparing(ValidationMessage::getMessage)).limit(MAX_REPORTED_ERRORS)
                .forEach(problem -> errors.addObject()
                        .put("path", problem.getInstanceLocation().toString())
                        .put("message", problem.getMessage()));
        data.put("explanation", problems.isEmpty()
                ? "The JSON matches the schema."
                : "The JSON does not match the schema (" + problems.size() + " problem(s)).");
        return CheckOutcome.of(problems.isEmpty(), data);
    }
}
