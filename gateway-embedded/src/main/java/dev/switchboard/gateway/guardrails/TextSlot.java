package dev.switchboard.gateway.guardrails;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** One text field inside a chat body (a message's string content or a text part's {@code text}), readable and writable. */
record TextSlot(ObjectNode holder, String field) {

    String get() {
        return holder.path(field).asText("");
    }

    void set(String text) {
        holder.put(field, text);
    }
}
