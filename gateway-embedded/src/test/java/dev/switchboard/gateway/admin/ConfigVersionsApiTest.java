package dev.switchboard.gateway.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.gateway.Json;
import dev.switchboard.gateway.TestGateway;
import dev.switchboard.gateway.TestGateway.Reply;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import okhttp3.MediaType;
import okhttp3.RequestBody;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Saved configs fetched from the admin API (keys shown as {@code [redacted]}), edited and sent back keep their
 * stored keys, nested targets included; older versions can be restored, keys and all.
 */
class ConfigVersionsApiTest {
    private static final String OK = """
            {"id":"c","object":"chat.completion","created":1,"model":"gpt-4o-mini",
             "choices":[{"index":0,"message":{"role":"assistant","content":"ok"},"finish_reason":"stop"}],
             "usage":{"prompt_tokens":1,"completion_tokens":1,"total_tokens":2}}""";

    @StartStop
    private final MockWebServer upstream = new MockWebServer();
    @RegisterExtension
    final TestGateway gateway = new TestGateway();

    @BeforeEach
    void start() {
        // The first target's host always fails, so a fallback config reaches its nested target too.
        upstream.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return request.getUrl().encodedPath().startsWith("/failing")
                        ? new MockResponse.Builder().code(500).body("{\"error\":{\"message\":\"down\"}}").build()
                        : new MockResponse.Builder().addHeader("content-type", "application/json").body(OK).build();
            }
        });
    }

    private String config(String firstKey, String nestedKey) {
        return """
                {"strategy":{"mode":"fallback"},"targets":[
                  {"provider":"openai","api_key":"%s","custom_host":"%s"},
                  {"strategy":{"mode":"loadbalance"},"targets":[
                    {"provider":"openai","api_key":"%s","custom_host":"%s"}]}]}"""
                .formatted(firstKey, upstream.url("/failing/v1"), nestedKey, upstream.url("/v1"));
    }

    @Test
    void aConfigSentBackWithRedactedKeysKeepsTheStoredOnesNestedTargetsIncluded() throws Exception {
        assertThat(save("POST", "/admin/configs", "{\"id\":\"team\",\"config\":"
                + config("sk-first-1111", "sk-nested-2222") + "}").status()).isEqualTo(201);
        JsonNode fetched = latest("team").path("config");
        assertThat(fetched.toString()).doesNotContain("sk-first", "sk-nested");
        assertThat(fetched.path("targets").path(1).path("targets").path(0).path("api_key").asText())
                .isEqualTo("[redacted]");

        ((ObjectNode) fetched).set("request_timeout", Json.MAPPER.getNodeFactory().numberNode(30000));
        Reply resent = save("PUT", "/admin/configs/team", "{\"config\":" + fetched + "}");

        assertThat(resent.status()).as(resent.body()).isEqualTo(201);
        assertThat(resent.json().path("version").asInt()).isEqualTo(2);
        assertThat(authorizationsFor("team@2")).containsExactly("Bearer sk-first-1111", "Bearer sk-nested-2222");
        assertThat(storedConfigs()).doesNotContain("[redacted]", "sk-first", "sk-nested");
    }

    @Test
    void aRedactedKeyWhoseTargetMovedOrChangedProviderIsRefusedNamingItsPath() {
        save("POST", "/admin/configs", "{\"id\":\"team\",\"config\":" + config("sk-first-1111", "sk-nested-2222")
                + "}");
        String moved = """
                {"strategy":{"mode":"fallback"},"targets":[{"provider":"openai","api_key":"[redacted]"},
                            {"provider":"openai","api_key":"[redacted]"},
                            {"provider":"openai","api_key":"[redacted]"}]}""";
        String otherProvider = """
                {"strategy":{"mode":"fallback"},"targets":[{"provider":"anthropic","api_key":"[redacted]"},
                  {"provider":"openai","api_key":"sk-pasted"}]}""";

        Reply movedReply = save("PUT", "/admin/configs/team", "{\"config\":" + moved + "}");
        Reply otherReply = save("PUT", "/admin/configs/team", "{\"config\":" + otherProvider + "}");

        assertThat(movedReply.status()).isEqualTo(400);
        assertThat(movedReply.json().path("error").path("param").asText()).isEqualTo("config.targets[1].api_key");
        assertThat(otherReply.status()).isEqualTo(400);
        assertThat(otherReply.json().path("error").path("param").asText()).isEqualTo("config.targets[0].api_key");
        assertThat(otherReply.json().path("error").path("message").asText())
                .contains("is for openai, not anthropic; paste the key");
        assertThat(latest("team").path("version").asInt()).as("nothing was saved").isEqualTo(1);
    }

    @Test
    void restoringAnOlderVersionSavesItAgainWithItsKeysAsTheNextVersion() throws Exception {
        save("POST", "/admin/configs", "{\"id\":\"team\",\"config\":" + config("sk-old-1111", "sk-old-2222") + "}");
        save("PUT", "/admin/configs/team", "{\"config\":" + config("sk-new-3333", "sk-new-4444") + "}");

        Reply restored = gateway.call(gateway.admin("/admin/configs/team/versions/1/restore")
                .post(RequestBody.create("", null)).header("x-switchboard-user", "dana"));

        assertThat(restored.status()).isEqualTo(201);
        assertThat(restored.json().path("version").asInt()).isEqualTo(3);
        assertThat(restored.json().path("created_by").asText()).isEqualTo("dana");
        assertThat(restored.body()).doesNotContain("sk-old");
        assertThat(authorizationsFor("team")).containsExactly("Bearer sk-old-1111", "Bearer sk-old-2222");
        JsonNode versions = gateway.call(gateway.admin("/admin/configs/team")).json().path("versions");
        assertThat(versions).extracting(v -> v.path("version").asInt()).containsExactly(1, 2, 3);

        Reply missing = gateway.call(gateway.admin("/admin/configs/team/versions/9/restore")
                .post(RequestBody.create("", null)));
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.json().path("error").path("message").asText()).isEqualTo("Config 'team' has no version 9");
    }

    private Reply save(String method, String path, String body) {
        return gateway.call(gateway.admin(path).method(method, RequestBody.create(body,
                MediaType.get("application/json"))));
    }

    private JsonNode latest(String id) {
        JsonNode versions = gateway.call(gateway.admin("/admin/configs/" + id)).json().path("versions");
        return versions.get(versions.size() - 1);
    }

    /** Sends one request through the saved config and returns the Authorization of each upstream attempt. */
    private List<String> authorizationsFor(String reference) throws InterruptedException {
        int before = upstream.getRequestCount();
        Reply reply = gateway.call(gateway.post("/v1/chat/completions",
                        "{\"model\":\"gpt-4o-mini\",\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}")
                .header("x-portkey-config", reference));
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        List<String> authorizations = new ArrayList<>();
        for (int i = before; i < upstream.getRequestCount(); i++) {
            authorizations.add(upstream.takeRequest(5, TimeUnit.SECONDS).getHeaders().get("Authorization"));
        }
        return authorizations;
    }

    /** The config column as stored, read behind the gateway's back. */
    private String storedConfigs() throws Exception {
        var settings = gateway.gateway().config().effectiveDatabase();
        StringBuilder rows = new StringBuilder();
        try (var connection = DriverManager.getConnection(settings.url(), settings.user(), settings.password());
             var select = connection.createStatement();
             var result = select.executeQuery("SELECT config FROM routing_configs")) {
            while (result.next()) {
                rows.append(result.getString(1)).append('\n');
            }
        }
        return rows.toString();
    }
}
