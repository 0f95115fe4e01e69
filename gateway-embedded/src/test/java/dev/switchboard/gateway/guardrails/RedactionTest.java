package dev.switchboard.gateway.guardrails;

import static dev.switchboard.gateway.guardrails.GuardrailFixtures.ENGINE;
import static dev.switchboard.gateway.guardrails.GuardrailFixtures.completion;
import static dev.switchboard.gateway.guardrails.GuardrailFixtures.json;
import static dev.switchboard.gateway.guardrails.GuardrailFixtures.oneCheck;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Redaction as the gateway sees it: the body it forwards is rewritten, the body it was given is not. */
class RedactionTest {
    private static final String REDACT = "{\"redact\": true}";

    @Test
    void inputRedactionRewritesEveryMessageTextButNothingElse() {
        ObjectNode request = json("""
                {"model": "gpt-4o", "temperature": 0.2, "messages": [
                  {"role": "system", "content": "Escalate to boss@example.com"},
                  {"role": "user", "content": [
                    {"type": "text", "text": "My card is 4111 1111 1111 1111"},
                    {"type": "image_url", "image_url": {"url": "https://img.example.com/ada@example.com.png"}}]},
                  {"role": "assistant", "content": null, "tool_calls": [{"id": "c1", "type": "function",
                    "function": {"name": "lookup", "arguments": "{\\"email\\": \\"x@example.com\\"}"}}]},
                  {"role": "user", "content": "Call me on +44 20 7946 0958"}]}""");
        ObjectNode original = request.deepCopy();

        HookOutcome outcome = ENGINE.run(oneCheck(Phase.INPUT, "default.pii", REDACT), Phase.INPUT, request,
                Map.of(), "gpt-4o");

        ObjectNode sent = outcome.body();
        assertThat(sent.at("/messages/0/content").asText()).isEqualTo("Escalate to [REDACTED_EMAIL]");
        assertThat(sent.at("/messages/1/content/0/text").asText()).isEqualTo("My card is [REDACTED_CREDIT_CARD]");
        assertThat(sent.at("/messages/3/content").asText()).isEqualTo("Call me on [REDACTED_PHONE]");
        // Non-text parts, tool calls and parameters go upstream untouched.
        assertThat(sent.at("/messages/1/content/1")).isEqualTo(original.at("/messages/1/content/1"));
        assertThat(sent.at("/messages/2")).isEqualTo(original.at("/messages/2"));
        assertThat(sent.get("temperature")).isEqualTo(original.get("temperature"));
        // The caller's body is never modified: the trace keeps what the client really sent.
        assertThat(request).isEqualTo(original);
        assertThat(outcome.failed()).isTrue();
        assertThat(outcome.results().getFirst().checks().getFirst().data().path("redacted").asBoolean()).isTrue();
    }

    @Test
    void outputRedactionRewritesEveryChoice() {
        ObjectNode response = completion("Contact ada@example.com", "Or IBAN GB82WEST12345698765432");
        ObjectNode original = response.deepCopy();

        HookOutcome outcome = ENGINE.run(oneCheck(Phase.OUTPUT, "default.pii", REDACT), Phase.OUTPUT, response,
                Map.of(), "gpt-4o");

        assertThat(outcome.body().at("/choices/0/message/content").asText()).isEqualTo("Contact [REDACTED_EMAIL]");
        assertThat(outcome.body().at("/choices/1/message/content").asText()).isEqualTo("Or IBAN [REDACTED_IBAN]");
        assertThat(outcome.body().get("id")).isEqualTo(original.get("id"));
        assertThat(response).isEqualTo(original);
    }

    @Test
    void withoutRedactTheBodyIsLeftAsItWas() {
        ObjectNode response = completion("Contact ada@example.com");

        HookOutcome outcome = ENGINE.run(oneCheck(Phase.OUTPUT, "default.pii", "{}"), Phase.OUTPUT, response,
                Map.of(), "gpt-4o");

        assertThat(outcome.failed()).isTrue();
        assertThat(outcome.body()).isEqualTo(response);
    }

    @Test
    void laterChecksSeeTheRedactedText() {
        GuardrailSet set = GuardrailFixtures.PARSER.parse(json("""
                {"input_guardrails": [
                  {"default.pii": {"redact": true}},
                  {"default.contains": {"operator": "none", "words": ["@"]}, "deny": true}]}"""));

        HookOutcome outcome = ENGINE.run(set.input(), Phase.INPUT,
                GuardrailFixtures.request("gpt-4o", "mail ada@example.com"), Map.of(), "gpt-4o");

        assertThat(outcome.results().get(1).verdict()).isTrue();
        assertThat(outcome.denied()).isFalse();
    }
}
