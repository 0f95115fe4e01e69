package dev.switchboard.app.traces;

import java.util.List;

/**
 * One turn of a conversation as the detail pane shows it.
 *
 * @param role       system, developer, user, assistant, tool, or error
 * @param name       the tool's or participant's name, when given
 * @param toolCallId for tool results: the call they answer
 */
public record ChatMessage(String role, String text, List<ToolCall> toolCalls, String name, String toolCallId) {

    public ChatMessage {
        toolCalls = toolCalls == null ? List.of() : List.copyOf(toolCalls);
    }

    static ChatMessage of(String role, String text) {
        return new ChatMessage(role, text, List.of(), null, null);
    }

    /** A call the assistant asked for; {@code arguments} is pretty-printed when it is JSON. */
    public record ToolCall(String id, String name, String arguments) {
    }
}
