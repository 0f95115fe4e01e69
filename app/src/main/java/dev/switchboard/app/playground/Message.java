package dev.switchboard.app.playground;

/** One chat message of a playground source; its content may hold {@code {{variables}}}. */
public record Message(String role, String content) {
    public Message {
        role = role == null || role.isBlank() ? "user" : role;
        content = content == null ? "" : content;
    }
}
