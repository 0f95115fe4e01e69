package dev.switchboard.gateway.provider.anthropic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.gateway.Json;
import dev.switchboard.gateway.provider.OpenAiJson;

/** Converts an Anthropic Messages response into an OpenAI {@code chat.completion}. */
final class AnthropicResponseTranslator {
    private AnthropicResponseTranslator() {
    }

    static ObjectNode translate(JsonNode message, long created) {
        StringBuilder text = new StringBuilder();
        ArrayNode toolCalls = Json.MAPPER.createArrayNode();
        for (JsonNode block : message.path("content")) {
            switch (block.path("type").asText()) {
                case "text" -> text.append(block.path("text").asText());
                case "tool_use" -> toolCalls.add(OpenAiJson.toolCall(block.path("id").asText(),
                        block.path("name").asText(), arguments(block.path("input"))));
                // Thinking blocks are the model's scratchpad, not its answer; other block types have no OpenAI form.
                default -> { }
            }
        }
        ArrayNode choices = Json.MAPPER.createArrayNode();
        choices.add(OpenAiJson.choice(0, OpenAiJson.assistantMessage(text.toString(), toolCalls),
                AnthropicStopReason.toFinishReason(message.path("stop_reason").textValue())));
        return OpenAiJson.completion(message.path("id").asText(), created, message.path("model").asText(), choices,
                AnthropicUsage.toTokenUsage(message.get("usage")));
    }

    private static String arguments(JsonNode input) {
        return input.isObject() ? Json.write(input) : "{}";
    }
}
