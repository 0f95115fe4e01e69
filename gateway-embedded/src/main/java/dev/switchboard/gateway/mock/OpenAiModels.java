package dev.switchboard.gateway.mock;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.gateway.Json;
import io.javalin.http.Context;
import java.util.List;

/** OpenAI {@code GET /v1/models}: a fixed list, built once, of models people expect to pick from. */
final class OpenAiModels {
    private static final List<String> IDS = List.of("gpt-4o", "gpt-4o-mini", "gpt-4.1", "gpt-4.1-mini", "o3-mini",
            "text-embedding-3-small", "text-embedding-3-large");
    /** 2024-05-13, a fixed date so the list is byte-for-byte stable. */
    private static final long CREATED = 1_715_558_400L;

    private final byte[] body;

    OpenAiModels() {
        ObjectNode list = Json.object().put("object", "list");
        ArrayNode data = list.putArray("data");
        IDS.forEach(id -> data.addObject().put("id", id).put("object", "model").put("created", CREATED)
                .put("owned_by", "switchboard-mock"));
        body = Json.writeBytes(list);
    }

    void list(Context ctx) {
        ctx.contentType(MockHandler.JSON).result(body);
    }
}
