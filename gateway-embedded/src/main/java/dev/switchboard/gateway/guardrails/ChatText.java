package dev.switchboard.gateway.guardrails;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds the text a check inspects in an OpenAI chat request ({@code messages[].content}) or chat completion
 * ({@code choices[].message.content}). Content may be a string or an array of parts; only {@code text} parts count,
 * so images, audio and tool calls are never inspected or rewritten.
 */
final class ChatText {
    private ChatText() {
    }

    static List<TextSlot> slots(Phase phase, ObjectNode body, TextScope scope) {
        List<TextSlot> slots = new ArrayList<>();
        if (phase == Phase.OUTPUT) {
            for (JsonNode choice : body.path("choices")) {
                if (choice.path("message") instanceof ObjectNode message) {
                    addContent(message, slots);
                }
            }
            return slots;
        }
        JsonNode messages = body.path("messages");
        if (scope == TextScope.CONVERSATION) {
            for (JsonNode message : messages) {
                if (message instanceof ObjectNode object) {
                    addContent(object, slots);
                }
            }
            return slots;
        }
        for (int i = messages.size() - 1; i >= 0; i--) {
            if (messages.get(i) instanceof ObjectNode message && "user".equals(message.path("role").asText())) {
                addContent(message, slots);
                break;
            }
        }
        return slots;
    }

    /** The slots' texts joined by newlines: the one string a check evaluates. */
    static String join(List<TextSlot> slots) {
        StringBuilder text = new StringBuilder();
        for (TextSlot slot : slots) {
            if (!text.isEmpty()) {
                text.append('\n');
            }
            text.append(slot.get());
        }
        return text.toString();
    }

    private static void addContent(ObjectNode message, List<TextSlot> slots) {
        JsonNode content = message.path("content");
        if (content.isTextual()) {
            slots.add(new TextSlot(message, "content"));
        } else if (content.isArray()) {
            for (JsonNode part : content) {
                if (part instanceof ObjectNode object && part.path("text").isTextual()
                        && ("text".equals(part.path("type").asText()) || !part.has("type"))) {
                    slots.add(new TextSlot(object, "text"));
                }
            }
        }
    }
}
