package dev.switchboard.gateway.prompts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.gateway.Json;
import dev.switchboard.gateway.StoreKind;
import dev.switchboard.gateway.TestGateway;
import dev.switchboard.gateway.TestGateway.Reply;
import dev.switchboard.gateway.trace.Trace;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import okhttp3.MediaType;
import okhttp3.RequestBody;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

@ParameterizedClass
@EnumSource(StoreKind.class)
class PromptRoutesTest {
    private static final String CREATE = """
            {"name":"support/reply","description":"Answers tickets","tags":["support"],
             "messages":[{"role":"system","content":"You are {{tone}}."},{"role":"user","content":"{{question}}"}],
             "model":"gpt-4o-mini","provider":"openai","parameters":{"temperature":0.2},
             "commit_message":"first","author":"ada"}""";

    @StartStop
    private final MockWebServer upstream = new MockWebServer();
    @RegisterExtension
    final TestGateway gateway;

    PromptRoutesTest(StoreKind store) {
        this.gateway = new TestGateway(store);
    }

    private Reply admin(String method, String path, String body) {
        RequestBody requestBody = body == null ? null : RequestBody.create(body, MediaType.get("application/json"));
        return gateway.call(gateway.admin(path).method(method, requestBody).header("x-switchboard-user", "bob"));
    }

    private void createWithTwoVersions() {
        assertThat(admin("POST", "/admin/prompts", CREATE).status()).isEqualTo(201);
        assertThat(admin("POST", "/admin/prompts/support/reply/versions", """
                {"messages":[{"role":"system","content":"You are {{tone}} and brief."},{"role":"user","content":"{{question}}"}],
                 "model":"gpt-4o","parameters":{"temperature":0.5},"commit_message":"shorter"}""").status())
                .isEqualTo(201);
    }

    @Test
    void createsVersionsAndLabelsAndRecordsWhoMovedThem() {
        createWithTwoVersions();

        JsonNode prompt = admin("GET", "/admin/prompts/support/reply", null).json();
        assertThat(prompt.path("versions")).hasSize(2);
        assertThat(prompt.path("latest_version").asInt()).isEqualTo(2);
        assertThat(prompt.path("versions").path(1).path("author").asText()).isEqualTo("bob");

        Reply moved = admin("PUT", "/admin/prompts/support/reply/labels/production", "{\"version\":1}");
        assertThat(moved.status()).isEqualTo(200);
        assertThat(moved.json().path("to_version").asInt()).isEqualTo(1);
        assertThat(moved.json().path("moved_by").asText()).isEqualTo("bob");
        admin("PUT", "/admin/prompts/support/reply/labels/production", "{\"version\":2}");
        admin("POST", "/admin/prompts/support/reply/labels/production/undo", "{}");

        assertThat(admin("GET", "/admin/prompts/support/reply/versions/production", null).json()
                .path("version").asInt()).isEqualTo(1);
        assertThat(admin("GET", "/admin/prompts/support/reply/labels", null).json().path("history")).hasSize(3);
        assertThat(admin("GET", "/admin/prompts/support/reply/versions/2", null).json().path("model").asText())
                .isEqualTo("gpt-4o");
        assertThat(admin("GET", "/admin/prompts?folder=support", null).json().path("items").path(0)
                .path("latest_version").asInt()).isEqualTo(2);
    }

    @Test
    void diffsTwoVersionsLineByLine() {
        createWithTwoVersions();

        JsonNode diff = admin("GET", "/admin/prompts/support/reply/diff?from=1&to=2", null).json();

        assertThat(diff.path("messages").path(0).path("change").asText()).isEqualTo("CHANGED");
        assertThat(diff.path("messages").path(0).path("lines").toString()).contains("INSERT", "and brief");
        assertThat(diff.path("settings").toString()).contains("gpt-4o-mini", "DELETE");
    }

    @Test
    void rendersForApplicationsWithProductionByDefault() {
        createWithTwoVersions();
        admin("PUT", "/admin/prompts/support/reply/labels/production", "{\"version\":1}");

        Reply rendered = gateway.call(gateway.post("/v1/prompts/support/reply/render",
                "{\"variables\":{\"tone\":\"kind\",\"question\":\"Where is my <order>?\"}}"));

        assertThat(rendered.status()).isEqualTo(200);
        assertThat(rendered.json().path("version").asInt()).isEqualTo(1);
        assertThat(rendered.json().path("messages").path(0).path("content").asText()).isEqualTo("You are kind.");
        assertThat(rendered.json().path("messages").path(1).path("content").asText())
                .isEqualTo("Where is my <order>?");
        assertThat(rendered.json().path("model").asText()).isEqualTo("gpt-4o-mini");
        assertThat(rendered.json().path("temperature").asDouble()).isEqualTo(0.2);

        Reply latest = gateway.call(gateway.post("/v1/prompts/support/reply/render",
                "{\"label\":\"latest\",\"variables\":{\"tone\":\"kind\",\"question\":\"x\"}}"));
        assertThat(latest.json().path("version").asInt()).isEqualTo(2);
    }

    @Test
    void callsTheModelAndTracesThePromptVersion() throws Exception {
        createWithTwoVersions();
        upstream.enqueue(new MockResponse.Builder().addHeader("content-type", "application/json").body("""
                {"id":"c","object":"chat.completion","created":1,"model":"gpt-4o",
                 "choices":[{"index":0,"message":{"role":"assistant","content":"On its way."},"finish_reason":"stop"}],
                 "usage":{"prompt_tokens":20,"completion_tokens":4,"total_tokens":24}}""").build());

        Reply reply = gateway.call(gateway.post("/v1/prompts/support/reply/completions",
                        "{\"version\":2,\"variables\":{\"tone\":\"kind\",\"question\":\"Order?\"},\"max_tokens\":50}")
                .header("Authorization", "Bearer sk-test")
                .header("x-portkey-custom-host", upstream.url("/v1").toString()));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().path("choices").path(0).path("message").path("content").asText())
                .isEqualTo("On its way.");
        JsonNode sent = Json.read(upstream.takeRequest(5, TimeUnit.SECONDS).getBody().utf8());
        assertThat(sent.path("model").asText()).isEqualTo("gpt-4o");
        assertThat(sent.path("max_tokens").asInt()).isEqualTo(50);
        assertThat(sent.path("temperature").asDouble()).isEqualTo(0.5);
        assertThat(sent.path("messages").path(0).path("content").asText()).isEqualTo("You are kind and brief.");
        assertThat(sent.has("variables")).isFalse();

        Trace trace = gateway.awaitSingleTraceDetail();
        assertThat(trace.promptName()).isEqualTo("support/reply");
        assertThat(trace.promptVersion()).isEqualTo(2);
        assertThat(gateway.call(gateway.admin("/admin/traces?prompt=support/reply")).json().path("items")
                .path(0).path("promptVersion").asInt()).isEqualTo(2);
        assertThat(gateway.call(gateway.admin("/admin/usage?groupBy=prompt")).json().path("groups").path(0)
                .path("key").asText()).isEqualTo("support/reply");
    }

    @Test
    void namesWhatIsMissingOrWrong() {
        createWithTwoVersions();

        Reply missing = gateway.call(gateway.post("/v1/prompts/support/reply/render",
                "{\"variables\":{\"tone\":\"kind\"}}"));
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.json().path("error").path("message").asText()).contains("question");
        assertThat(missing.json().path("error").path("code").asText()).isEqualTo("missing_variables");

        assertThat(gateway.call(gateway.post("/v1/prompts/nope/render", "{}")).status()).isEqualTo(404);
        assertThat(gateway.call(gateway.post("/v1/prompts/support/reply/render",
                "{\"label\":\"staging\",\"variables\":{}}")).status()).isEqualTo(404);
        assertThat(gateway.call(gateway.post("/v1/prompts/support/reply/render",
                "{\"version\":9,\"variables\":{}}")).status()).isEqualTo(404);
        assertThat(admin("POST", "/admin/prompts", CREATE).status()).isEqualTo(409);

        Reply badTemplate = admin("POST", "/admin/prompts", """
                {"name":"broken","messages":[{"role":"user","content":"line one\\n{{#open}} never closed"}]}""");
        assertThat(badTemplate.status()).isEqualTo(400);
        assertThat(badTemplate.json().path("error").path("message").asText()).contains("line 2");

        Reply badName = admin("POST", "/admin/prompts", "{\"name\":\"a b\",\"text\":\"x\"}");
        assertThat(badName.status()).isEqualTo(400);
        Reply unknownField = admin("POST", "/admin/prompts/support/reply/versions", "{\"text\":\"x\",\"modle\":\"y\"}");
        assertThat(unknownField.status()).isEqualTo(400);
        assertThat(unknownField.json().path("error").path("message").asText()).contains("modle");
        assertThat(gateway.call(gateway.get("/admin/prompts")).status()).isEqualTo(401);
    }

    @Test
    void exportsAndImportsPromptsAsYamlAndJson() {
        createWithTwoVersions();

        Reply yaml = admin("GET", "/admin/prompts/support/reply/export?format=yaml", null);
        assertThat(yaml.status()).isEqualTo(200);
        assertThat(yaml.body()).contains("name: support/reply", "You are {{tone}}.");
        Reply all = admin("GET", "/admin/prompts:export?format=json", null);
        assertThat(all.json().path("prompts")).hasSize(1);

        try (TestGateway other = new TestGateway(gateway.dataDir().resolve("other"))) {
            Reply imported = other.call(other.admin("/admin/prompts:import?format=yaml")
                    .post(RequestBody.create(yaml.body(), MediaType.get("application/yaml"))));
            assertThat(imported.status()).isEqualTo(200);
            assertThat(imported.json().path("imported").path(0).path("versions_added").asInt()).isEqualTo(2);
            Reply again = other.call(other.admin("/admin/prompts/support/reply/export?format=yaml"));
            assertThat(again.body()).isEqualTo(yaml.body());
        }
    }
}
