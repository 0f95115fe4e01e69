package dev.switchboard.app.prompts;

import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** One chat message being edited: its role and its template text. */
public final class MessageDraft {
    private final StringProperty role;
    private final StringProperty content;

    public MessageDraft(String role, String content) {
        this.role = new SimpleStringProperty(role);
        this.content = new SimpleStringProperty(content);
    }

    public StringProperty role() {
        return role;
    }

    public StringProperty content() {
        return content;
    }
}
