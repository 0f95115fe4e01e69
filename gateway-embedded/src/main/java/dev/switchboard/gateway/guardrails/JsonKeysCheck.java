package dev.switchboard.gateway.guardrails;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.gateway.Json;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;

/**
 * {@code default.jsonKeys}: passes when the JSON object in the text (see {@link JsonText}) has {@code any},
 * {@code all} or {@code none} of {@code keys} at its top level. Text without a JSON object fails.
 */
record JsonKeysCheck(List<String> keys, MatchOperator operator) implements Check {

    static JsonKeysCheck parse(Params params) {
        return new JsonKeysCheck(params.strings("keys"),
                params.operator("operator", MatchOperator.ANY, EnumSet.allOf(MatchOperator.class)));
    }

    @Override
    public CheckOutcome evaluate(CheckContext context) {
        Optional<JsonNode> json = JsonText.find(context.text());
        if (json.isEmpty() || !json.get().isObject()) {
            return CheckOutcome.of(false, Json.object().put("explanation", "No JSON object found in the text."));
        }
        return Presence.of(keys, json.get()::has).judge(operator, "foundKeys", "missingKeys", "keys");
    }
}
