package dev.switchboard.app.playground;

import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** A message of the source as it is being edited. */
public final class MessageDraft {
    private final StringProperty role = new SimpleStringProperty();
    private final StringProperty content = new SimpleStringProperty();

    MessageDraft(Message message) {
        role.set(message.role());
        content.set(message.content());
    }

    public StringProperty role() {
        return role;
    }

    public StringProperty content() {
        return content;
    }

    Message toMessage() {
        return new Message(role.get(), content.get());
    }
}
