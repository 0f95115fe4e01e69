package dev.switchboard.gateway.provider;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.gateway.GatewayException;
import java.util.ArrayList;
import java.util.List;

/**
 * A validated, typed reading of an OpenAI chat request for adapters that must rebuild it in another wire format.
 * Reading it once here means every such adapter rejects the same malformed input with the same {@code param}.
 * Optional numbers are null when the client left them out.
 */
public record ChatRequest(
        String model,
        List<ChatMessage> messages,
        List<FunctionTool> tools,
        ToolChoice toolChoice,
        boolean parallelToolCallsDisabled,
        Integer maxTokens,
        Double temperature,
        Double topP,
        List<String> stop,
        Integer n,
        Long seed,
        Double presencePenalty,
        Double frequencyPenalty,
        ResponseFormat responseFormat,
        String user,
        boolean stream) {

    public static ChatRequest read(ObjectNode request) {
        Integer maxCompletionTokens = JsonFields.integer(request, "max_completion_tokens", "max_completion_tokens");
        return new ChatRequest(
                JsonFields.requiredString(request, "model", "model"),
                ChatMessageReader.read(JsonFields.array(request, "messages", "messages")),
                tools(JsonFields.array(request, "tools", "tools")),
                toolChoice(request.get("tool_choice")),
                Boolean.FALSE.equals(JsonFields.bool(request, "parallel_tool_calls", "parallel_tool_calls")),
                // max_completion_tokens replaced max_tokens in OpenAI's API, so it wins when both are sent.
                maxCompletionTokens != null ? maxCompletionTokens : JsonFields.integer(request, "max_tokens", "max_tokens"),
                JsonFields.number(request, "temperature", "temperature"),
                JsonFields.number(request, "top_p", "top_p"),
                stop(request.get("stop")),
                JsonFields.integer(request, "n", "n"),
                JsonFields.longInteger(request, "seed", "seed"),
                JsonFields.number(request, "presence_penalty", "presence_penalty"),
                JsonFields.number(request, "frequency_penalty", "frequency_penalty"),
                responseFormat(JsonFields.object(request, "response_format", "response_format")),
                JsonFields.string(request, "user", "user"),
                Boolean.TRUE.equals(JsonFields.bool(request, "stream", "stream")));
    }

    /**
     * Rejects output options that only OpenAI can produce; silently dropping them would hand the client a
     * response without the logprobs or audio it asked for.
     */
    public static void requireTextOnlyOutput(ObjectNode request, String provider) {
        if (Boolean.TRUE.equals(JsonFields.bool(request, "logprobs", "logprobs"))) {
            throw Unsupported.field("logprobs", "'logprobs' is not supported by " + provider);
        }
        if (request.hasNonNull("top_logprobs")) {
            throw Unsupported.field("top_logprobs", "'top_logprobs' is not supported by " + provider);
        }
        if (request.hasNonNull("audio")) {
            throw Unsupported.field("audio", "Audio output is not supported by " + provider);
        }
        ArrayNode modalities = JsonFields.array(request, "modalities", "modalities");
        for (int i = 0; modalities != null && i < modalities.size(); i++) {
            if (!"text".equals(modalities.get(i).asText())) {
                throw Unsupported.field("modalities",
                        "Output modality '" + modalities.get(i).asText() + "' is not supported by " + provider);
            }
        }
    }

    public boolean hasTools() {
        return !tools.isEmpty();
    }

    private static List<FunctionTool> tools(ArrayNode tools) {
        List<FunctionTool> result = new ArrayList<>();
        for (int i = 0; tools != null && i < tools.size(); i++) {
            String path = "tools[" + i + "]";
            ObjectNode tool = JsonFields.asObject(tools.get(i), path);
            String type = JsonFields.requiredString(tool, "type", path + ".type");
            if (!type.equals("function")) {
                throw GatewayException.badRequest(path + ".type", "Only 'function' tools are supported, not '" + type + "'");
            }
            ObjectNode function = JsonFields.object(tool, "function", path + ".function");
            if (function == null) {
                throw GatewayException.badRequest(path + ".function", "'" + path + ".function' is required");
            }
            result.add(new FunctionTool(
                    JsonFields.requiredString(function, "name", path + ".function.name"),
                    JsonFields.string(function, "description", path + ".function.description"),
                    JsonFields.object(function, "parameters", path + ".function.parameters")));
        }
        return List.copyOf(result);
    }

    private static ToolChoice toolChoice(JsonNode choice) {
        if (choice == null || choice.isNull()) {
            return null;
        }
        if (choice.isTextual()) {
            return switch (choice.textValue()) {
                case "auto" -> new ToolChoice.Auto();
                case "none" -> new ToolChoice.None();
                case "required" -> new ToolChoice.Required();
                default -> throw GatewayException.badRequest("tool_choice",
                        "'tool_choice' must be 'auto', 'none', 'required' or a function");
            };
        }
        ObjectNode named = JsonFields.asObject(choice, "tool_choice");
        if (!"function".equals(JsonFields.string(named, "type", "tool_choice.type"))) {
            throw Unsupported.field("tool_choice.type",
                    "'tool_choice' of type '" + named.path("type").asText() + "' is not supported; name a function");
        }
        ObjectNode function = JsonFields.object(named, "function", "tool_choice.function");
        if (function == null) {
            throw GatewayException.badRequest("tool_choice.function", "'tool_choice.function' is required");
        }
        return new ToolChoice.Function(JsonFields.requiredString(function, "name", "tool_choice.function.name"));
    }

    private static List<String> stop(JsonNode stop) {
        if (stop == null || stop.isNull()) {
            return List.of();
        }
        if (stop.isTextual()) {
            return List.of(stop.textValue());
        }
        if (!stop.isArray()) {
            throw JsonFields.wrongType("stop", "a string or an array of strings");
        }
        List<String> sequences = new ArrayList<>(stop.size());
        for (int i = 0; i < stop.size(); i++) {
            if (!stop.get(i).isTextual()) {
                throw JsonFields.wrongType("stop[" + i + "]", "a string");
            }
            sequences.add(stop.get(i).textValue());
        }
        return List.copyOf(sequences);
    }

    private static ResponseFormat responseFormat(ObjectNode format) {
        if (format == null) {
            return null;
        }
        String type = JsonFields.requiredString(format, "type", "response_format.type");
        return switch (type) {
            case "text" -> null;
            case "json_object" -> new ResponseFormat.JsonObject();
            case "json_schema" -> {
                ObjectNode jsonSchema = JsonFields.object(format, "json_schema", "response_format.json_schema");
                if (jsonSchema == null) {
                    throw GatewayException.badRequest("response_format.json_schema",
                            "'response_format.json_schema' is required");
                }
                yield new ResponseFormat.JsonSchema(
                        JsonFields.requiredString(jsonSchema, "name", "response_format.json_schema.name"),
                        JsonFields.object(jsonSchema, "schema", "response_format.json_schema.schema"));
            }
            default -> throw Unsupported.field("response_format.type",
                    "'response_format' of type '" + type + "' is not supported");
        };
    }
}
