package dev.switchboard.gateway.mock;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.gateway.Json;
import java.util.List;

/** What the mock answers, before any provider's wire format: text or one tool call, with token counts. */
record Reply(Content content, int promptTokens, int completionTokens, Finish finish) {

    int totalTokens() {
        return promptTokens + completionTokens;
    }

    /** The body of a reply. */
    sealed interface Content permits Text, ToolCall {
    }

    /** Text as the model streams it: {@code pieces} are tokens, {@code text} is them joined. */
    record Text(String text, List<String> pieces) implements Content {
    }

    /** A call to one of the caller's tools; {@code argumentsJson} is {@code arguments} serialised once. */
    record ToolCall(String name, ObjectNode arguments, String argumentsJson) implements Content {
        ToolCall(String name, ObjectNode arguments) {
            this(name, arguments, Json.write(arguments));
        }

        List<String> argumentFragments() {
            return PromptText.fragments(argumentsJson);
        }
    }

    /** Why the reply ended; each provider names these its own way. */
    enum Finish { STOP, LENGTH, TOOL_CALL }
}
