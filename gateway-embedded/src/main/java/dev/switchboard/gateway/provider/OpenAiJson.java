package dev.switchboard.gateway.provider;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.gateway.Json;

/** Builders for the OpenAI response shapes every translating adapter emits, so they all emit them identically. */
public final class OpenAiJson {
    private OpenAiJson() {
    }

    public static ObjectNode completion(String id, long created, String model, ArrayNode choices, TokenUsage usage) {
        ObjectNode completion = Json.object();
        completion.put("id", id);
        completion.put("object", "chat.completion");
        completion.put("created", created);
        completion.put("model", model);
        completion.set("choices", choices);
        if (usage != null) {
            completion.set("usage", usage.toJson());
        }
        return completion;
    }

    public static ObjectNode choice(int index, ObjectNode message, FinishReason finishReason) {
        ObjectNode choice = Json.object();
        choice.put("index", index);
        choice.set("message", message);
        choice.put("finish_reason", finishReason == null ? null : finishReason.wire());
        return choice;
    }

    /**
     * OpenAI answers {@code content: null} when the assistant only called tools; otherwise content is a string,
     * possibly empty, so clients can use it without a null check.
     */
    public static ObjectNode assistantMessage(String text, ArrayNode toolCalls) {
        ObjectNode message = Json.object();
        message.put("role", "assistant");
        message.put("content", text.isEmpty() && !toolCalls.isEmpty() ? null : text);
        if (!toolCalls.isEmpty()) {
            message.set("tool_calls", toolCalls);
        }
        return message;
    }

    /** A complete tool call; in a stream it is also the delta that opens a call, with {@code index} added. */
    public static ObjectNode toolCall(String id, String name, String arguments) {
        ObjectNode call = Json.object();
        call.put("id", id);
        call.put("type", "function");
        ObjectNode function = call.putObject("function");
        function.put("name", name);
        function.put("arguments", arguments);
        return call;
    }

    public static ObjectNode toolCallDelta(int index, String id, String name, String arguments) {
        ObjectNode delta = Json.object();
        delta.put("index", index);
        delta.setAll(toolCall(id, name, arguments));
        return delta;
    }

    /** A later piece of a streamed call: OpenAI sends only the index and the next fragment of the arguments. */
    public static ObjectNode toolCallArgumentsDelta(int index, String fragment) {
        ObjectNode delta = Json.object();
        delta.put("index", index);
        delta.putObject("function").put("arguments", fragment);
        return delta;
    }

    /** {@code created} is null when the provider does not say, rather than a made-up timestamp. */
    public static ObjectNode model(String id, Long created, String ownedBy) {
        ObjectNode model = Json.object();
        model.put("id", id);
        model.put("object", "model");
        if (created != null) {
            model.put("created", created);
        }
        model.put("owned_by", ownedBy);
        return model;
    }

    public static ObjectNode list(ArrayNode data) {
        ObjectNode list = Json.object();
        list.put("object", "list");
        list.set("data", data);
        return list;
    }
}
