package dev.switchboard.prompts.io;

import dev.switchboard.prompts.PromptException;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/** Checks on fields read from a file, so a hand-edited file fails with a message naming the field. */
final class Fields {
    private Fields() {
    }

    static <T> T required(T value, String field) {
        if (value == null || value instanceof String text && text.isBlank()) {
            throw PromptException.invalid("Missing " + field);
        }
        return value;
    }

    static Instant instant(String value, String field) {
        try {
            return Instant.parse(required(value, field));
        } catch (DateTimeParseException e) {
            throw PromptException.invalid("Invalid " + field + " '" + value + "': use an ISO-8601 time such as"
                    + " 2025-01-31T09:30:00Z", e);
        }
    }
}
