package dev.switchboard.gateway.provider;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** A function the client offers the model; {@code description} and {@code parameters} may be null. */
public record FunctionTool(String name, String description, ObjectNode parameters) {
}
