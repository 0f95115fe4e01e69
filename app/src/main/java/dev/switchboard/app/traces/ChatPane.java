package dev.switchboard.app.traces;

import dev.switchboard.app.common.Styles;
import java.util.List;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.VBox;

/** The conversation as chat bubbles: one per turn, tool calls with their arguments under the assistant's turn. */
final class ChatPane extends ScrollPane {
    private final VBox turns = new VBox(10);

    ChatPane() {
        setId("conversation");
        setFitToWidth(true);
        turns.setPadding(new Insets(12));
        setContent(turns);
    }

    void show(List<ChatMessage> messages) {
        turns.getChildren().clear();
        if (messages.isEmpty()) {
            turns.getChildren().add(new Label("No conversation captured for this trace."));
        }
        for (ChatMessage m : messages) {
            VBox bubble = new VBox(4);
            bubble.getStyleClass().addAll(Styles.BUBBLE, Styles.bubble(m.role()));
            Label role = new Label(roleLabel(m));
            role.getStyleClass().add(Styles.BUBBLE_ROLE);
            bubble.getChildren().add(role);
            if (!m.text().isBlank()) {
                bubble.getChildren().add(text(m.text(), "tool".equals(m.role())));
            }
            for (ChatMessage.ToolCall call : m.toolCalls()) {
                Label name = new Label("→ " + call.name() + (call.id() == null ? "" : "  (" + call.id() + ")"));
                name.getStyleClass().add(Styles.BUBBLE_ROLE);
                bubble.getChildren().addAll(name, text(call.arguments(), true));
            }
            turns.getChildren().add(bubble);
        }
    }

    private static String roleLabel(ChatMessage m) {
        String label = m.role().toUpperCase(java.util.Locale.ROOT);
        if (m.name() != null) {
            label += " · " + m.name();
        }
        if (m.toolCallId() != null) {
            label += " · result of " + m.toolCallId();
        }
        return label;
    }

    private static Label text(String text, boolean mono) {
        Label label = new Label(text);
        label.setWrapText(true);
        label.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        if (mono) {
            label.getStyleClass().add(Styles.MONO);
        }
        return label;
    }
}
