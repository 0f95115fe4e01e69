package dev.switchboard.gateway.provider.gemini;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.gateway.GatewayException;
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
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Builds a Gemini {@code generateContent} request body from an OpenAI chat request. */
final class GeminiRequestTranslator {
    private final ChatRequest request;
    private final MergedTurns contents = new MergedTurns("parts");
    private final ArrayNode systemParts = Json.MAPPER.createArrayNode();
    /** Gemini matches a function response to its call by name, OpenAI by id: remembered from the calls. */
    private final Map<String, String> functionNameByCallId = new HashMap<>();

    private GeminiRequestTranslator(ChatRequest request) {
        this.request = request;
    }

    static ObjectNode translate(ChatRequest request) {
        return new GeminiRequestTranslator(request).body();
    }

    private ObjectNode body() {
        request.messages().forEach(this::addMessage);
        ObjectNode body = Json.object();
        body.set("contents", contents.turns());
        if (!systemParts.isEmpty()) {
            body.putObject("systemInstruction").set("parts", systemParts);
        }
        if (request.hasTools()) {
            ArrayNode declarations = body.putArray("tools").addObject().putArray("functionDeclarations");
            for (int i = 0; i < request.tools().size(); i++) {
                declarations.add(declaration(request.tools().get(i), "tools[" + i + "].function.parameters"));
            }
        }
        if (request.toolChoice() != null) {
            body.putObject("toolConfig").set("functionCallingConfig", functionCallingConfig(request.toolChoice()));
        }
        ObjectNode generationConfig = generationConfig();
        if (!generationConfig.isEmpty()) {
            body.set("generationConfig", generationConfig);
        }
        return body;
    }

    private void addMessage(ChatMessage message) {
        switch (message) {
            case ChatMessage.Instructions instructions -> {
                if (!instructions.text().isEmpty()) {
                    systemParts.add(textPart(instructions.text()));
                }
            }
            case ChatMessage.User user -> contents.add("user", userParts(user));
            case ChatMessage.Assistant assistant -> contents.add("model", modelParts(assistant));
            case ChatMessage.ToolResult result -> contents.add("user", List.of(functionResponse(result)));
        }
    }

    private static List<ObjectNode> userParts(ChatMessage.User user) {
        List<ObjectNode> parts = new ArrayList<>();
        for (int j = 0; j < user.parts().size(); j++) {
            switch (user.parts().get(j)) {
                case ContentPart.Text text -> {
                    if (!text.text().isEmpty()) {
                        parts.add(textPart(text.text()));
                    }
                }
                case ContentPart.InlineImage image -> {
                    ObjectNode inlineData = Json.object();
                    inlineData.put("mimeType", image.mediaType());
                    inlineData.put("data", image.base64Data());
                    ObjectNode part = Json.object();
                    part.set("inlineData", inlineData);
                    parts.add(part);
                }
                case ContentPart.RemoteImage ignored -> throw Unsupported.field(
                        "messages[" + user.index() + "].content[" + j + "].image_url.url",
                        "Gemini cannot fetch image URLs; send the image as a base64 data: URL");
            }
        }
        return parts;
    }

    private List<ObjectNode> modelParts(ChatMessage.Assistant assistant) {
        List<ObjectNode> parts = new ArrayList<>();
        if (!assistant.text().isEmpty()) {
            parts.add(textPart(assistant.text()));
        }
        for (ToolCall call : assistant.toolCalls()) {
            functionNameByCallId.put(call.id(), call.name());
            ObjectNode functionCall = Json.object();
            functionCall.put("name", call.name());
            functionCall.set("args", call.arguments());
            ObjectNode part = Json.object();
            part.set("functionCall", functionCall);
            String signature = GeminiToolCallIds.thoughtSignature(call.id());
            if (signature != null) {
                part.put("thoughtSignature", signature);
            }
            parts.add(part);
        }
        return parts;
    }

    private ObjectNode functionResponse(ChatMessage.ToolResult result) {
        String name = functionNameByCallId.get(result.toolCallId());
        if (name == null) {
            String param = "messages[" + result.index() + "].tool_call_id";
            throw GatewayException.badRequest(param,
                    "'" + param + "' does not match a tool call of an earlier assistant message");
        }
        ObjectNode functionResponse = Json.object();
        functionResponse.put("name", name);
        functionResponse.set("response", responseObject(result.content()));
        ObjectNode part = Json.object();
        part.set("functionResponse", functionResponse);
        return part;
    }

    /** Gemini wants the function's result as a JSON object; anything else is wrapped, as text. */
    private static ObjectNode responseObject(String content) {
        try {
            if (Json.read(content) instanceof ObjectNode object) {
                return object;
            }
        } catch (UncheckedIOException notJson) {
            // plain text output: wrapped below
        }
        ObjectNode wrapped = Json.object();
        wrapped.put("content", content);
        return wrapped;
    }

    private static ObjectNode declaration(FunctionTool tool, String param) {
        ObjectNode declaration = Json.object();
        declaration.put("name", tool.name());
        if (tool.description() != null) {
            declaration.put("description", tool.description());
        }
        if (tool.parameters() != null) {
            ObjectNode parameters = GeminiSchemas.toGemini(tool.parameters(), param);
            // Gemini rejects an OBJECT schema without properties, which is how clients declare "no arguments".
            if (!parameters.path("properties").isEmpty()) {
                declaration.set("parameters", parameters);
            }
        }
        return declaration;
    }

    private static ObjectNode functionCallingConfig(ToolChoice choice) {
        ObjectNode config = Json.object();
        switch (choice) {
            case ToolChoice.Auto ignored -> config.put("mode", "AUTO");
            case ToolChoice.None ignored -> config.put("mode", "NONE");
            case ToolChoice.Required ignored -> config.put("mode", "ANY");
            case ToolChoice.Function function -> {
                config.put("mode", "ANY");
                config.putArray("allowedFunctionNames").add(function.name());
            }
        }
        return config;
    }

    private ObjectNode generationConfig() {
        ObjectNode config = Json.object();
        putIfPresent(config, "temperature", request.temperature());
        putIfPresent(config, "topP", request.topP());
        if (request.maxTokens() != null) {
            config.put("maxOutputTokens", request.maxTokens());
        }
        if (!request.stop().isEmpty()) {
            ArrayNode stop = config.putArray("stopSequences");
            request.stop().forEach(stop::add);
        }
        if (request.n() != null) {
            config.put("candidateCount", request.n());
        }
        if (request.seed() != null) {
            config.put("seed", request.seed());
        }
        putIfPresent(config, "presencePenalty", request.presencePenalty());
        putIfPresent(config, "frequencyPenalty", request.frequencyPenalty());
        switch (request.responseFormat()) {
            case null -> { }
            case ResponseFormat.JsonObject ignored -> config.put("responseMimeType", "application/json");
            case ResponseFormat.JsonSchema format -> {
                config.put("responseMimeType", "application/json");
                if (format.schema() != null) {
                    config.set("responseSchema",
                            GeminiSchemas.toGemini(format.schema(), "response_format.json_schema.schema"));
                }
            }
        }
        return config;
    }

    private static void putIfPresent(ObjectNode config, String field, Double value) {
        if (value != null) {
            config.put(field, value);
        }
    }

    private static ObjectNode textPart(String text) {
        ObjectNode part = Json.object();
        part.put("text", text);
        return part;
    }
}
