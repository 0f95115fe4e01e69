package dev.switchboard.gateway.provider;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.gateway.Json;

/**
 * Writes the {@code chat.completion.chunk} payloads of one stream. Every chunk carries the same id, created
 * time and model, as OpenAI's do: clients group chunks by id, so it must never change mid-stream.
 */
public final class ChunkWriter {
    private final String id;
    private final long created;
    private final String model;

    public ChunkWriter(String id, long created, String model) {
        this.id = id;
        this.created = created;
        this.model = model;
    }

    public String choice(int index, ObjectNode delta, FinishReason finishReason) {
        ObjectNode choice = Json.object();
        choice.put("index", index);
        choice.set("delta", delta);
        choice.put("finish_reason", finishReason == null ? null : finishReason.wire());
        ObjectNode chunk = envelope();
        chunk.putArray("choices").add(choice);
        return Json.write(chunk);
    }

    /** The last chunk of a stream, as OpenAI sends it with {@code stream_options.include_usage}. */
    public String usage(TokenUsage usage) {
        ObjectNode chunk = envelope();
        chunk.putArray("choices");
        chunk.set("usage", usage.toJson());
        return Json.write(chunk);
    }

    private ObjectNode envelope() {
        ObjectNode chunk = Json.object();
        chunk.put("id", id);
        chunk.put("object", "chat.completion.chunk");
        chunk.put("created", created);
        chunk.put("model", model);
        return chunk;
    }
}
