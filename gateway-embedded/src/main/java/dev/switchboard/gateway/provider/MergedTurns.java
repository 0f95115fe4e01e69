package dev.switchboard.gateway.provider;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.gateway.Json;
import java.util.List;

/**
 * Builds a provider's list of conversation turns where roles must alternate: blocks for the same role as the
 * previous turn are appended to it (e.g. a tool result followed by a user message), and empty turns are dropped.
 */
public final class MergedTurns {
    private final String blocksField;
    private final ArrayNode turns = Json.MAPPER.createArrayNode();
    private String lastRole;

    /** {@code blocksField} is the provider's name for a turn's content list ({@code content} or {@code parts}). */
    public MergedTurns(String blocksField) {
        this.blocksField = blocksField;
    }

    public void add(String role, List<? extends JsonNode> blocks) {
        if (blocks.isEmpty()) {
            return;
        }
        if (!role.equals(lastRole)) {
            ObjectNode turn = turns.addObject();
            turn.put("role", role);
            turn.putArray(blocksField);
            lastRole = role;
        }
        ((ArrayNode) turns.get(turns.size() - 1).get(blocksField)).addAll(blocks);
    }

    public ArrayNode turns() {
        return turns;
    }
}
