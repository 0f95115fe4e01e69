package dev.switchboard.gateway.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.gateway.TestGateway;
import dev.switchboard.gateway.TestGateway.Reply;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BadInputTest {
    @RegisterExtension
    final TestGateway gateway = new TestGateway();

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "malformed JSON          | {\"model\":                                   | not valid JSON        |",
            "not an object           | [1,2]                                         | must be a JSON object |",
            "missing model           | {\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]} | 'model'     | model",
            "model not a string      | {\"model\":5,\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]} | non-empty string | model",
            "missing messages        | {\"model\":\"gpt-4o\"}                         | 'messages'            | messages",
            "empty messages          | {\"model\":\"gpt-4o\",\"messages\":[]}           | non-empty array       | messages",
            "stream not a boolean    | {\"model\":\"gpt-4o\",\"stream\":\"yes\",\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]} | boolean | stream",
    })
    void rejectsBadBodiesWithAnOpenAiError(String name, String body, String messagePart, String param) {
        Reply reply = gateway.call(gateway.post("/v1/chat/completions", body).header("x-portkey-provider", "openai"));

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().path("error").path("message").asText()).contains(messagePart);
        assertThat(reply.json().path("error").path("type").asText()).isEqualTo("invalid_request_error");
        if (param != null) {
            assertThat(reply.json().path("error").path("param").asText()).isEqualTo(param);
        }
        assertThat(gateway.awaitTraces(1).getFirst().status()).isEqualTo(400);
    }

    @Test
    void namesTheKnownProvidersWhenOneIsUnknown() {
        Reply reply = gateway.call(gateway.post("/v1/chat/completions",
                        "{\"model\":\"x\",\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}")
                .header("x-portkey-provider", "nope"));

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().path("error").path("message").asText()).contains("Unknown provider 'nope'", "groq");
    }

    @Test
    void rejectsMalformedMetadataAndTimeouts() {
        Reply metadata = gateway.call(gateway.post("/v1/chat/completions",
                        "{\"model\":\"x\",\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}")
                .header("x-portkey-metadata", "not json"));
        Reply timeout = gateway.call(gateway.post("/v1/chat/completions",
                        "{\"model\":\"x\",\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}")
                .header("x-portkey-request-timeout", "soon"));

        assertThat(metadata.status()).isEqualTo(400);
        assertThat(metadata.json().path("error").path("param").asText()).isEqualTo("x-portkey-metadata");
        assertThat(timeout.status()).isEqualTo(400);
        assertThat(timeout.json().path("error").path("message").asText()).contains("milliseconds");
    }

    @Test
    void refusesOversizedBodiesWith413() {
        String huge = "{\"model\":\"x\",\"messages\":[{\"role\":\"user\",\"content\":\"" + "a".repeat(33 * 1024 * 1024)
                + "\"}]}";

        Reply reply = gateway.call(gateway.post("/v1/chat/completions", huge).header("x-portkey-provider", "openai"));

        assertThat(reply.status()).isEqualTo(413);
        assertThat(reply.json().path("error").path("message").asText()).contains("larger than");
    }

    @Test
    void answersUnknownRoutesWithAnOpenAiError() {
        Reply reply = gateway.call(gateway.get("/v1/nothing-here"));

        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.json().path("error").path("message").asText()).contains("/v1/nothing-here");
    }

    @Test
    void servesHealthAndTheKnownModels() {
        assertThat(gateway.call(gateway.get("/health")).json().path("status").asText()).isEqualTo("ok");
        Reply models = gateway.call(gateway.get("/v1/models"));
        assertThat(models.json().path("object").asText()).isEqualTo("list");
        assertThat(models.body()).contains("\"id\":\"gpt-4o\"", "claude");
    }
}
