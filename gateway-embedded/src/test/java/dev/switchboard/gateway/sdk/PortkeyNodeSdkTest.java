package dev.switchboard.gateway.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.gateway.Json;
import dev.switchboard.gateway.TestGateway;
import dev.switchboard.gateway.trace.Span;
import dev.switchboard.gateway.trace.Trace;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The official {@code portkey-ai} npm package sending a fallback config through the gateway. */
class PortkeyNodeSdkTest {
    @StartStop
    private final MockWebServer failing = new MockWebServer();
    @StartStop
    private final MockWebServer working = new MockWebServer();
    @TempDir
    Path dataDir;

    @Test
    void fallsBackToTheSecondTargetOfThePortkeyConfig() throws Exception {
        failing.enqueue(new MockResponse.Builder().code(503).body("{\"error\":{\"message\":\"down\"}}").build());
        working.enqueue(new MockResponse.Builder().addHeader("content-type", "application/json").body("""
                {"id":"c","object":"chat.completion","created":1,"model":"gpt-4o-mini",
                 "choices":[{"index":0,"message":{"role":"assistant","content":"from the backup"},"finish_reason":"stop"}],
                 "usage":{"prompt_tokens":5,"completion_tokens":3,"total_tokens":8}}""").build());
        NodeSdk.install();
        try (TestGateway gateway = new TestGateway(dataDir)) {
            JsonNode result = Json.read(NodeSdk.runScript("portkey-sdk.mjs", gateway.gateway().baseUrl(),
                    failing.url("/v1").toString(), working.url("/v1").toString()));

            assertThat(result.path("content").asText()).isEqualTo("from the backup");
            assertThat(working.takeRequest(5, TimeUnit.SECONDS).getHeaders().get("Authorization"))
                    .isEqualTo("Bearer sk-backup");
            Trace trace = gateway.awaitSingleTraceDetail();
            assertThat(trace.spans()).extracting(Span::status).containsExactly(503, 200);
            assertThat(trace.metadata()).containsEntry("client", "portkey-node");
            assertThat(trace.requestHeaders().get("x-portkey-config")).doesNotContain("sk-primary", "sk-backup");
        }
    }
}
