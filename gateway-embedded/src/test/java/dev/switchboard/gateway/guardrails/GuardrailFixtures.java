package dev.switchboard.gateway.guardrails;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.gateway.GatewayException;
import dev.switchboard.gateway.Json;
import java.util.List;
import java.util.Map;

/** Builds configs, chat requests and completions, and runs one check through the real parser and engine. */
final class GuardrailFixtures {
    static final GuardrailParser PARSER = new GuardrailParser();
    static final GuardrailEngine ENGINE = new GuardrailEngine();

    private GuardrailFixtures() {
    }

    static ObjectNode json(String text) {
        return (ObjectNode) Json.read(text);
    }

    /** A chat request whose messages alternate user/assistant, the last one being from the user. */
    static ObjectNode request(String model, String... userTexts) {
        ObjectNode request = Json.object().put("model", model);
        ArrayNode messages = request.putArray("messages");
        for (int i = 0; i < userTexts.length; i++) {
            messages.addObject().put("role", "user").put("content", userTexts[i]);
            if (i < userTexts.length - 1) {
                messages.addObject().put("role", "assistant").put("content", "ok");
            }
        }
        return request;
    }

    static ObjectNode completion(String... contents) {
        ObjectNode completion = Json.object().put("id", "chatcmpl-1").put("object", "chat.completion")
                .put("model", "gpt-4o");
        ArrayNode choices = completion.putArray("choices");
        for (int i = 0; i < contents.length; i++) {
            choices.addObject().put("index", i).put("finish_reason", "stop")
                    .putObject("message").put("role", "assistant").put("content", contents[i]);
        }
        return completion;
    }

    /** The guardrails of a one-check full-form config for the given phase. */
    static List<Guardrail> oneCheck(Phase phase, String checkId, String parameters) {
        GuardrailSet set = PARSER.parse(json("""
                {"%s": [{"type": "guardrail", "id": "g", "checks": [{"id": "%s", "parameters": %s}]}]}
                """.formatted(phase.hooksKey(), checkId, parameters)));
        return phase == Phase.INPUT ? set.input() : set.output();
    }

    static CheckResult run(Phase phase, String checkId, String parameters, ObjectNode body,
            Map<String, String> metadata) {
        HookOutcome outcome = ENGINE.run(oneCheck(phase, checkId, parameters), phase, body, metadata,
                body.path("model").textValue());
        return outcome.results().getFirst().checks().getFirst();
    }

    /** Runs the check on a request whose last user message is {@code userText}. */
    static CheckResult onInput(String checkId, String parameters, String userText) {
        return run(Phase.INPUT, checkId, parameters, request("gpt-4o", userText), Map.of());
    }

    /** Runs the check on a completion whose assistant content is {@code assistantText}. */
    static CheckResult onOutput(String checkId, String parameters, String assistantText) {
        return run(Phase.OUTPUT, checkId, parameters, completion(assistantText), Map.of());
    }

    /** Parses the config, expecting a 400; returns it for assertions on param and message. */
    static GatewayException parseError(String config) {
        GatewayException error = catchThrowableOfType(GatewayException.class, () -> PARSER.parse(json(config)));
        assertThat(error).as("expected the config to be rejected").isNotNull();
        assertThat(error.status()).isEqualTo(400);
        return error;
    }

    /** Parses a one-check config with bad parameters, expecting a 400. */
    static GatewayException checkError(String checkId, String parameters) {
        return parseError("""
                {"before_request_hooks": [{"checks": [{"id": "%s", "parameters": %s}]}]}
                """.formatted(checkId, parameters));
    }

    static final String PARAMS_PATH = "config.before_request_hooks[0].checks[0].parameters";
}
