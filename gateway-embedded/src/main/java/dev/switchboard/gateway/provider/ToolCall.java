package dev.switchboard.gateway.provider;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** A function call an assistant message made, with OpenAI's JSON-string arguments already parsed to an object. */
public record ToolCall(String id, String name, ObjectNode arguments) {
}
