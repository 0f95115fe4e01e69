package dev.switchboard.gateway.provider;

import java.util.List;

/**
 * One OpenAI chat message, validated and typed. {@code index} is the message's position in the request, kept
 * so that errors found during translation can still name {@code messages[i]}.
 */
public sealed interface ChatMessage {

    int index();

    /** A {@code system} or {@code developer} message: providers without such roles move it to a system prompt. */
    record Instructions(int index, String text) implements ChatMessage {
    }

    /** What the user said: text and images. */
    record User(int index, List<ContentPart> parts) implements ChatMessage {
    }

    /** {@code text} is empty, never null, when the assistant only called tools. */
    record Assistant(int index, String text, List<ToolCall> toolCalls) implements ChatMessage {
    }

    /** A tool's output, answering the assistant's call {@code toolCallId}. */
    record ToolResult(int index, String toolCallId, String content) implements ChatMessage {
    }
}
