package dev.switchboard.gateway.provider;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** OpenAI's {@code response_format} beyond plain text: any JSON object, or JSON matching a schema. */
public sealed interface ResponseFormat {

    /** Any syntactically valid JSON object. */
    record JsonObject() implements ResponseFormat {
    }

    /** {@code schema} may be null when the client named a format without giving its schema. */
    record JsonSchema(String name, ObjectNode schema) implements ResponseFormat {
    }
}
