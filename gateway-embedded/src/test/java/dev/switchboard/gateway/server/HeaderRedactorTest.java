package dev.switchboard.gateway.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class HeaderRedactorTest {

    @Test
    void replacesEveryCredentialButKeepsTheRest() {
        Map<String, String> redacted = HeaderRedactor.redact(Map.of(
                "Authorization", "Bearer sk-live-123",
                "x-api-key", "ak-1",
                "x-goog-api-key", "g-1",
                "x-portkey-config", "{\"targets\":[{\"provider\":\"openai\",\"api_key\":\"sk-nested\"}]}",
                "x-portkey-metadata", "{\"team\":\"core\"}",
                "Content-Type", "application/json"));

        assertThat(redacted.toString()).doesNotContain("sk-live-123", "ak-1", "g-1", "sk-nested");
        assertThat(redacted).containsEntry("authorization", "[redacted]")
                .containsEntry("content-type", "application/json")
                .containsEntry("x-portkey-metadata", "{\"team\":\"core\"}");
        assertThat(redacted.get("x-portkey-config")).contains("\"provider\":\"openai\"");
    }
}
