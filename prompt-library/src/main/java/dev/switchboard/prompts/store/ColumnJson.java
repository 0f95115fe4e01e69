package dev.switchboard.prompts.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.switchboard.prompts.model.ChatMessage;
import java.util.List;
import java.util.Map;

/** The JSON kept in text columns (messages, parameters, tools, response format): portable, unlike JSON types. */
final class ColumnJson {
    private static final TypeReference<List<ChatMessage>> MESSAGES = new TypeReference<>() {
    };
    private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {
    };
    private static final TypeReference<List<Map<String, Object>>> OBJECTS = new TypeReference<>() {
    };

    private final ObjectMapper mapper = JsonMapper.builder().build();

    String write(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot store " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }

    List<ChatMessage> messages(String text) {
        return read(text, MESSAGES);
    }

    Map<String, Object> object(String text) {
        return text == null ? null : read(text, OBJECT);
    }

    List<Map<String, Object>> objects(String text) {
        return read(text, OBJECTS);
    }

    private <T> T read(String text, TypeReference<T> type) {
        try {
            return mapper.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored prompt JSON is corrupt: " + e.getOriginalMessage(), e);
        }
    }
}
