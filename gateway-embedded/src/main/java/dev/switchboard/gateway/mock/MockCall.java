package dev.switchboard.gateway.mock;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What one request asks of the mock, whatever the provider's wire format.
 *
 * @param request   the parsed body, for fields only one endpoint reads
 * @param lastText  text of the last message: seeds the reply and carries fault markers
 * @param maxTokens the caller's output limit, or null
 * @param tool      the tool to call instead of replying with text, or null
 */
record MockCall(JsonNode request, String model, String lastText, int promptTokens, Integer maxTokens, Tool tool,
                boolean stream) {

    /** A function the caller offered, with its JSON schema (may be missing). */
    record Tool(String name, JsonNode parameters) {
    }
}
