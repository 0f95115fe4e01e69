package dev.switchboard.gateway.provider.anthropic;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.gateway.Json;
import dev.switchboard.gateway.provider.ChatMessage;
import dev.switchboard.gateway.provider.ChatRequest;
import dev.switchboard.gateway.provider.ContentPart;
import dev.switchboard.gateway.provider.FunctionTool;
import dev.switchboard.gateway.provider.MergedTurns;
import dev.switchboard.gateway.provider.ResponseFormat;
import dev.switchboard.gateway.provider.ToolCall;
import dev.switchboard.gateway.provider.ToolChoice;
import dev.switchboard.gateway.provider.Unsupported;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Builds an Anthropic Messages request body from an OpenAI chat request. */
final class AnthropicRequestTranslator {
    private static final Logger log = LoggerFactory.getLogger(AnthropicRequestTranslator.class);

    /** Anthropic requires max_tokens and OpenAI does not; 4096 fits every current Claude model's output limit. */
    static final int DEFAULT_MAX_TOKENS = 4096;

    private static final String JSON_OBJECT_INSTRUCTION =
            "Respond with one valid JSON object and nothing else: no prose, no Markdown code fences.";
    private static final String JSON_SCHEMA_INSTRUCTION =
            "Respond with one JSON object that is valid against the following JSON Schema, and nothing else: "
                    + "no prose, no Markdown code fences.\n";

    private AnthropicRequestTranslator() {
    }

    static ObjectNode translate(ChatRequest request) {
        if (request.n() != null && request.n() > 1) {
            throw Unsupported.field("n", "Anthropic returns one choice per request; 'n' > 1 is not supported");
        }
        ObjectNode body = Json.object();
        body.put("model", request.model());
        String system = system(request);
        if (!system.isEmpty()) {
            body.put("system", system);
        }
        body.set("messages", messages(request.messages()));
        body.put("max_tokens", request.maxTokens() != null ? request.maxTokens() : DEFAULT_MAX_TOKENS);
        if (request.temperature() != null) {
            // OpenAI accepts 0..2, Anthropic 0..1; clamping keeps "hotter than default" requests valid.
            body.put("temperature", Math.clamp(request.temperature(), 0.0, 1.0));
        }
        if (request.topP() != null) {
            body.put("top_p", request.topP());
        }
        if (!request.stop().isEmpty()) {
            ArrayNode stop = body.putArray("stop_sequences");
            request.stop().forEach(stop::add);
        }
        if (request.hasTools()) {
            ArrayNode tools = body.putArray("tools");
            request.tools().forEach(tool -> tools.add(tool(tool)));
        }
        ObjectNode toolChoice = toolChoice(request);
        if (toolChoice != null) {
            body.set("tool_choice", toolChoice);
        }
        if (request.user() != null) {
            body.putObject("metadata").put("user_id", request.user());
        }
        if (request.stream()) {
            body.put("stream", true);
        }
        logDropped(request);
        return body;
    }

    /**
     * System and developer messages, wherever they appear, joined into Anthropic's top-level prompt. The Messages
     * API of 2023-06-01 has no structured-output parameter, so a requested JSON format becomes an instruction here.
     */
    private static String system(ChatRequest request) {
        List<String> sections = new ArrayList<>();
        request.messages().stream()
                .filter(ChatMessage.Instructions.class::isInstance)
                .map(message -> ((ChatMessage.Instructions) message).text())
                .filter(text -> !text.isEmpty())
                .forEach(sections::add);
        switch (request.responseFormat()) {
            case null -> { }
            case ResponseFormat.JsonObject ignored -> sections.add(JSON_OBJECT_INSTRUCTION);
            case ResponseFormat.JsonSchema format -> sections.add(format.schema() == null
                    ? JSON_OBJECT_INSTRUCTION
                    : JSON_SCHEMA_INSTRUCTION + Json.write(format.schema()));
        }
        return String.join("\n\n", sections);
    }

    private static ArrayNode messages(List<ChatMessage> messages) {
        MergedTurns turns = new MergedTurns("content");
        for (ChatMessage message : messages) {
            switch (message) {
                case ChatMessage.Instructions ignored -> { }
                case ChatMessage.User user -> turns.add("user", user.parts().stream().map(AnthropicRequestTranslator::block)
                        .filter(Objects::nonNull).toList());
                case ChatMessage.Assistant assistant -> turns.add("assistant", assistantBlocks(assistant));
                case ChatMessage.ToolResult result -> turns.add("user", List.of(toolResult(result)));
            }
        }
        return turns.turns();
    }

    /** Null for empty text: Anthropic rejects empty text blocks. */
    private static ObjectNode block(ContentPart part) {
        ObjectNode block = Json.object();
        switch (part) {
            case ContentPart.Text text -> {
                if (text.text().isEmpty()) {
                    return null;
                }
                block.put("type", "text");
                block.put("text", text.text());
            }
            case ContentPart.InlineImage image -> {
                block.put("type", "image");
                ObjectNode source = block.putObject("source");
                source.put("type", "base64");
                source.put("media_type", image.mediaType());
                source.put("data", image.base64Data());
            }
            case ContentPart.RemoteImage image -> {
                block.put("type", "image");
                ObjectNode source = block.putObject("source");
                source.put("type", "url");
                source.put("url", image.url());
            }
        }
        return block;
    }

    private static List<ObjectNode> assistantBlocks(ChatMessage.Assistant assistant) {
        List<ObjectNode> blocks = new ArrayList<>();
        if (!assistant.text().isEmpty()) {
            blocks.add(block(new ContentPart.Text(assistant.text())));
        }
        for (ToolCall call : assistant.toolCalls()) {
            ObjectNode block = Json.object();
            block.put("type", "tool_use");
            block.put("id", call.id());
            block.put("name", call.name());
            block.set("input", call.arguments());
            blocks.add(block);
        }
        return blocks;
    }

    private static ObjectNode toolResult(ChatMessage.ToolResult result) {
        ObjectNode block = Json.object();
        block.put("type", "tool_result");
        block.put("tool_use_id", result.toolCallId());
        block.put("content", result.content());
        return block;
    }

    private static ObjectNode tool(FunctionTool tool) {
        ObjectNode node = Json.object();
        node.put("name", tool.name());
        if (tool.description() != null) {
            node.put("description", tool.description());
        }
        if (tool.parameters() != null) {
            node.set("input_schema", tool.parameters());
        } else {
            // Anthropic requires a schema even for functions without parameters.
            ObjectNode schema = node.putObject("input_schema");
            schema.put("type", "object");
            schema.putObject("properties");
        }
        return node;
    }

    private static ObjectNode toolChoice(ChatRequest request) {
        ToolChoice choice = request.toolChoice();
        if (choice == null) {
            if (!request.parallelToolCallsDisabled() || !request.hasTools()) {
                return null;
            }
            choice = new ToolChoice.Auto();
        }
        ObjectNode node = Json.object();
        switch (choice) {
            case ToolChoice.Auto ignored -> node.put("type", "auto");
            case ToolChoice.Required ignored -> node.put("type", "any");
            case ToolChoice.Function function -> {
                node.put("type", "tool");
                node.put("name", function.name());
            }
            case ToolChoice.None ignored -> {
                // Anthropic accepts disable_parallel_tool_use only where tools may be called.
                node.put("type", "none");
                return node;
            }
        }
        if (request.parallelToolCallsDisabled()) {
            node.put("disable_parallel_tool_use", true);
        }
        return node;
    }

    /** Sampling knobs Claude has no equivalent for only shift style, so they are dropped rather than refused. */
    private static void logDropped(ChatRequest request) {
        if (request.seed() != null || request.presencePenalty() != null || request.frequencyPenalty() != null) {
            log.debug("Anthropic has no seed, presence_penalty or frequency_penalty; dropped them for model {}",
                    request.model());
        }
    }
}
