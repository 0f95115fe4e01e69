package dev.switchboard.prompts.model;

import dev.switchboard.prompts.PromptException;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How a version calls a model: model, the provider the gateway routes to, request parameters (temperature,
 * max_tokens, ...), tools and response format, all as JSON-shaped values passed through to the request body.
 *
 * @param model          model id, or {@code null} to let the caller choose
 * @param provider       the model's saved provider, or {@code null} to let the gateway route by model
 * @param parameters     extra request fields, e.g. {@code temperature}; never {@code model}, {@code messages},
 *                       {@code tools} or {@code response_format}, which have their own fields
 * @param tools          OpenAI-style tool definitions; empty for none
 * @param responseFormat OpenAI-style {@code response_format} object, or {@code null}
 */
public record ModelConfig(String model, String provider, Map<String, Object> parameters,
                          List<Map<String, Object>> tools, Map<String, Object> responseFormat) {

    private static final Set<String> RESERVED = Set.of("model", "messages", "tools", "response_format", "prompt");

    public ModelConfig {
        model = blankToNull(model);
        provider = blankToNull(provider);
        parameters = parameters == null ? Map.of() : JsonValues.freezeObject(parameters);
        tools = tools == null ? List.of() : tools.stream().map(JsonValues::freezeObject).toList();
        responseFormat = responseFormat == null ? null : JsonValues.freezeObject(responseFormat);
        for (String key : parameters.keySet()) {
            if (RESERVED.contains(key)) {
                throw PromptException.invalid("Parameter '" + key + "' cannot be set among the parameters: it has"
                        + " its own field or is filled in when the prompt is rendered");
            }
        }
    }

    /** A config with only a model, for the common case. */
    public static ModelConfig of(String model) {
        return new ModelConfig(model, null, Map.of(), List.of(), null);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
