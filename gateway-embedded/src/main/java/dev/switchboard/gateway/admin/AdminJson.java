package dev.switchboard.gateway.admin;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.gateway.Json;

/**
 * JSON for admin resources that mirror Portkey's snake_case formats (configs, keys, prompts). Traces and usage
 * keep camelCase, as their API was published.
 */
public final class AdminJson {
    // Plain decimals: a budget of 100 reads "100", not "1E+2" (amounts are stored with trailing zeros stripped).
    private static final ObjectMapper SNAKE_CASE = Json.MAPPER.copy()
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);

    private AdminJson() {
    }

    /** The value as a snake_case JSON object, for answers that add fields of their own to a record. */
    public static ObjectNode snakeCaseObject(Object value) {
        return SNAKE_CASE.valueToTree(value);
    }

    public static byte[] snakeCase(Object body) {
        try {
            return SNAKE_CASE.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot serialise " + body.getClass().getSimpleName(), e);
        }
    }
}
