package dev.switchboard.gateway.keys;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.gateway.Json;
import dev.switchboard.gateway.StoreKind;
import dev.switchboard.gateway.TestGateway;
import dev.switchboard.gateway.TestGateway.Reply;
import dev.switchboard.gateway.trace.Trace;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

@ParameterizedClass
@EnumSource(StoreKind.class)
class GovernanceApiTest {
    /** gpt-4o-mini: 10 in × $0.15/M + 100 out × $0.60/M = $0.0000615 per call. */
    private static final String OK = """
            {"id":"c","object":"chat.completion","created":1,"model":"gpt-4o-mini",
             "choices":[{"index":0,"message":{"role":"assistant","content":"ok"},"finish_reason":"stop"}],
             "usage":{"prompt_tokens":10,"completion_tokens":100,"total_tokens":110}}""";
    private static final BigDecimal COST_PER_CALL = new BigDecimal("0.0000615");

    @StartStop
    private final MockWebServer upstream = new MockWebServer();
    @RegisterExtension
    final TestGateway gateway;

    GovernanceApiTest(StoreKind store) {
        this.gateway = new TestGateway(store);
    }

    @BeforeEach
    void start() {
        upstream.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                if (request.getUrl().encodedPath().endsWith("/models")) {
                    return "Bearer sk-good".equals(request.getHeaders().get("Authorization"))
                            ? new MockResponse.Builder().body("{\"object\":\"list\",\"data\":[]}").build()
                            : new MockResponse.Builder().code(401).body("{\"error\":{\"message\":\"Incorrect API key\"}}")
                            .build();
                }
                return new MockResponse.Builder().addHeader("content-type", "application/json").body(OK).build();
            }
        });
    }

    private Reply admin(String method, String path, String body) {
        return gateway.call(gateway.admin(path).method(method,
                body == null ? null : RequestBody.create(body, MediaType.get("application/json"))));
    }

    private Reply chat(String... headers) {
        var request = gateway.post("/v1/chat/completions", "{\"model\":\"gpt-4o-mini\",\"max_tokens\":100,"
                + "\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}")
                .header("x-portkey-provider", "openai")
                .header("x-portkey-custom-host", upstream.url("/v1").toString());
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return gateway.call(request);
    }

    @Test
    void storesVirtualKeysEncryptedAndNeverShowsThem() throws Exception {
        Reply created = admin("POST", "/admin/virtual-keys", "{\"id\":\"openai-prod\",\"name\":\"OpenAI prod\","
                + "\"provider\":\"openai\",\"api_key\":\"sk-good-secret-123456\",\"custom_host\":\""
                + upstream.url("/v1") + "\"}");
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.body()).doesNotContain("sk-good-secret").contains("\"key_hint\":\"…3456\"");
        assertThat(admin("GET", "/admin/virtual-keys", null).body()).doesNotContain("sk-good-secret");

        assertThat(authorizationVia("openai-prod")).isEqualTo("Bearer sk-good-secret-123456");

        assertThat(storedVirtualKeys()).doesNotContain("sk-good-secret").contains("openai-prod");
        if (!gateway.gateway().config().effectiveDatabase().isPostgres()) {
            String database = new String(Files.readAllBytes(gateway.dataDir().resolve("switchboard.mv.db")),
                    java.nio.charset.StandardCharsets.ISO_8859_1);
            assertThat(database).doesNotContain("sk-good-secret");
        }
        assertThat(gateway.awaitSingleTraceDetail().toString()).doesNotContain("sk-good-secret");

        Reply unknown = chat("x-portkey-virtual-key", "nope");
        assertThat(unknown.status()).isEqualTo(401);
        assertThat(unknown.json().path("error").path("message").asText()).contains("Unknown virtual key 'nope'");
    }

    @Test
    void testsAVirtualKeyAgainstTheProvider() {
        admin("POST", "/admin/virtual-keys", "{\"id\":\"good\",\"name\":\"g\",\"provider\":\"openai\","
                + "\"api_key\":\"sk-good\",\"custom_host\":\"" + upstream.url("/v1") + "\"}");
        admin("POST", "/admin/virtual-keys", "{\"id\":\"bad\",\"name\":\"b\",\"provider\":\"openai\","
                + "\"api_key\":\"sk-wrong\",\"custom_host\":\"" + upstream.url("/v1") + "\"}");

        assertThat(admin("POST", "/admin/virtual-keys/good/test", "{}").json().path("ok").asBoolean()).isTrue();
        JsonNode bad = admin("POST", "/admin/virtual-keys/bad/test", "{}").json();
        assertThat(bad.path("ok").asBoolean()).isFalse();
        assertThat(bad.path("message").asText()).isEqualTo("Incorrect API key");
    }

    @Test
    void renamesAVirtualKeyAndMovesItsHostWithoutItsSecretBeingSentAgain() throws Exception {
        admin("POST", "/admin/virtual-keys", "{\"id\":\"vk\",\"name\":\"Old name\",\"provider\":\"openai\","
                + "\"api_key\":\"sk-good-kept-9999\",\"custom_host\":\"http://127.0.0.1:9/v1\"}");

        Reply renamed = admin("PUT", "/admin/virtual-keys/vk", "{\"name\":\"New name\",\"custom_host\":\""
                + upstream.url("/v1") + "\"}");

        assertThat(renamed.json().path("name").asText()).isEqualTo("New name");
        assertThat(renamed.json().path("key_hint").asText()).isEqualTo("…9999");
        assertThat(authorizationVia("vk")).isEqualTo("Bearer sk-good-kept-9999");

        Reply cleared = admin("PUT", "/admin/virtual-keys/vk", "{\"custom_host\":null}");
        assertThat(cleared.json().has("custom_host")).as("null removes the custom host").isFalse();
        assertThat(cleared.json().path("name").asText()).as("fields left out stay").isEqualTo("New name");
    }

    @Test
    void savesVersionedConfigsWithSecretsRedactedAndRoutesByTheirId() {
        String config = "{\"id\":\"team-default\",\"config\":{\"provider\":\"openai\",\"api_key\":\"sk-in-config\","
                + "\"custom_host\":\"" + upstream.url("/v1") + "\"}}";
        assertThat(admin("POST", "/admin/configs", config).status()).isEqualTo(201);
        Reply second = admin("PUT", "/admin/configs/team-default", config);
        assertThat(second.json().path("version").asInt()).isEqualTo(2);
        assertThat(second.body()).doesNotContain("sk-in-config").contains("[redacted]");

        Reply routed = gateway.call(gateway.post("/v1/chat/completions",
                "{\"model\":\"gpt-4o-mini\",\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}")
                .header("x-portkey-config", "team-default@1"));
        assertThat(routed.status()).isEqualTo(200);

        Reply invalid = admin("POST", "/admin/configs", "{\"id\":\"broken\",\"config\":{\"strategy\":"
                + "{\"mode\":\"fallback\"},\"targets\":[{\"provider\":\"nope\"}]}}");
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.json().path("error").path("param").asText()).isEqualTo("config.targets[0].provider");
    }

    @Test
    void requiresAValidApiKeyOnlyWhenSwitchedOnAndAttributesUsage() {
        String secret = admin("POST", "/admin/api-keys", "{\"name\":\"support-bot\",\"team\":\"support\"}")
                .json().path("key").asText();
        assertThat(secret).startsWith("sbk-");
        assertThat(admin("GET", "/admin/api-keys", null).body()).doesNotContain(secret);

        assertThat(chat().status()).isEqualTo(200);
        admin("PUT", "/admin/settings", "{\"require_api_keys\":true}");
        Reply anonymous = chat();
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.json().path("error").path("message").asText()).contains("x-switchboard-api-key");
        assertThat(chat("x-switchboard-api-key", "sbk-wrong").status()).isEqualTo(401);
        assertThat(chat("x-portkey-api-key", secret).status()).isEqualTo(200);

        gateway.awaitTraces(3);
        JsonNode byKey = gateway.call(gateway.admin("/admin/usage?groupBy=apiKey")).json().path("groups");
        assertThat(byKey.toString()).contains("\"key\":\"support-bot\"");
    }

    @Test
    void apiKeyAnswersSpellEveryFieldInSnakeCaseLikeTheRestOfTheAdminApi() {
        List<String> keyFields = List.of("id", "name", "team", "prefix", "allowed_models", "requests_per_minute",
                "tokens_per_minute", "budget_day_usd", "budget_month_usd", "created_at", "usage");
        Reply created = admin("POST", "/admin/api-keys", "{\"name\":\"bot\",\"team\":\"support\","
                + "\"allowed_models\":[\"gpt-4o-mini\"],\"requests_per_minute\":60,\"tokens_per_minute\":1000,"
                + "\"budget_day_usd\":5,\"budget_month_usd\":100}");
        String id = created.json().path("id").asText();

        JsonNode listed = admin("GET", "/admin/api-keys", null).json().path("items").path(0);
        Reply oneReply = admin("GET", "/admin/api-keys/" + id, null);
        JsonNode one = oneReply.json();
        JsonNode updated = admin("PUT", "/admin/api-keys/" + id, "{\"name\":\"bot-2\",\"budget_day_usd\":7}")
                .json();
        JsonNode revoked = admin("DELETE", "/admin/api-keys/" + id, null).json();

        assertThat(fieldNames(created.json())).containsExactlyInAnyOrderElementsOf(
                concat(keyFields, "key"));
        assertThat(fieldNames(listed)).containsExactlyInAnyOrderElementsOf(keyFields);
        assertThat(fieldNames(one)).containsExactlyInAnyOrderElementsOf(keyFields);
        assertThat(fieldNames(revoked)).as("limits removed by the PUT are left out")
                .isSubsetOf(concat(keyFields, "revoked_at")).contains("revoked_at", "usage", "budget_day_usd");
        assertThat(fieldNames(one.path("usage"))).containsExactlyInAnyOrder("minute", "day", "month");
        assertThat(fieldNames(one.path("usage").path("day")))
                .containsExactlyInAnyOrder("requests", "tokens", "cost_usd", "reserved_usd");
        assertThat(one.path("allowed_models").toString()).isEqualTo("[\"gpt-4o-mini\"]");
        assertThat(one.path("requests_per_minute").asInt()).isEqualTo(60);
        assertThat(oneReply.body()).as("amounts as plain decimals").contains("\"budget_month_usd\":100")
                .doesNotContain("E+");
        assertThat(updated.path("name").asText()).isEqualTo("bot-2");
        assertThat(updated.path("budget_day_usd").decimalValue()).isEqualByComparingTo("7");
        assertThat(updated.has("requests_per_minute")).as("a limit left out of a PUT is removed").isFalse();
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static List<String> concat(List<String> fields, String more) {
        List<String> all = new ArrayList<>(fields);
        all.add(more);
        return all;
    }

    @Test
    void refusesModelsAKeyMayNotUseAndEnforcesRequestsPerMinute() {
        String secret = admin("POST", "/admin/api-keys", "{\"name\":\"limited\",\"allowed_models\":[\"gpt-4o-mini\"],"
                + "\"requests_per_minute\":2}").json().path("key").asText();

        assertThat(chat("x-switchboard-api-key", secret).status()).isEqualTo(200);
        assertThat(chat("x-switchboard-api-key", secret).status()).isEqualTo(200);
        Reply third = chat("x-switchboard-api-key", secret);
        assertThat(third.status()).isEqualTo(429);
        assertThat(third.json().path("error").path("message").asText()).contains("2 requests per minute", "limited",
                "resets at");
        assertThat(third.headers().get("retry-after")).isNotBlank();
        gateway.awaitTraces(3);
        JsonNode byKey = gateway.call(gateway.admin("/admin/usage?groupBy=apiKey")).json().path("groups");
        assertThat(byKey.toString()).as("the refused call counts against its key, not (none)")
                .contains("\"key\":\"limited\"").doesNotContain("\"key\":null");
        assertThat(byKey.path(0).path("requests").asInt()).isEqualTo(3);

        Reply wrongModel = gateway.call(gateway.post("/v1/chat/completions",
                        "{\"model\":\"gpt-4o\",\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}")
                .header("x-switchboard-api-key", secret).header("x-portkey-provider", "openai"));
        assertThat(wrongModel.status()).isEqualTo(403);
        assertThat(wrongModel.json().path("error").path("message").asText()).contains("not allowed");
    }

    @Test
    void neverSpendsPastADailyBudgetUnderConcurrentRequests() throws Exception {
        // A $0.0002 budget fits 3 calls; each holds its worst case (input + max_tokens 100) while in flight.
        String secret = admin("POST", "/admin/api-keys", "{\"name\":\"budgeted\",\"budget_day_usd\":0.0002}")
                .json().path("key").asText();

        List<Integer> statuses = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
            List<Future<Integer>> calls = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                calls.add(pool.submit(() -> chat("x-switchboard-api-key", secret).status()));
            }
            for (Future<Integer> call : calls) {
                statuses.add(call.get());
            }
        }
        List<Trace> traces = gateway.awaitTraces(16);
        BigDecimal spent = traces.stream().filter(t -> t.status() == 200).map(Trace::costUsd)
                .reduce(BigDecimal.ZERO, BigDecimal::add);

        assertThat(statuses).contains(200, 429);
        assertThat(spent).isLessThanOrEqualTo(new BigDecimal("0.0002").add(COST_PER_CALL));
        org.awaitility.Awaitility.await().untilAsserted(() -> {
            JsonNode day = admin("GET", "/admin/api-keys", null).json().path("items").path(0).path("usage")
                    .path("day");
            assertThat(day.path("cost_usd").decimalValue()).isEqualByComparingTo(spent);
            assertThat(day.path("reserved_usd").decimalValue()).isEqualByComparingTo(BigDecimal.ZERO);
        });
        Reply over = chat("x-switchboard-api-key", secret);
        assertThat(over.json().path("error").path("message").asText()).contains("daily budget of $0.0002");
    }

    /** Sends a chat request through a virtual key; answers the Authorization the upstream received. */
    private String authorizationVia(String virtualKey) throws InterruptedException {
        Reply reply = gateway.call(gateway.post("/v1/chat/completions",
                "{\"model\":\"gpt-4o-mini\",\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}")
                .header("x-portkey-virtual-key", virtualKey));
        assertThat(reply.status()).isEqualTo(200);
        return upstream.takeRequest(5, TimeUnit.SECONDS).getHeaders().get("Authorization");
    }

    /** Everything the database holds about virtual keys, read behind the gateway's back. */
    private String storedVirtualKeys() throws Exception {
        var settings = gateway.gateway().config().effectiveDatabase();
        StringBuilder rows = new StringBuilder();
        try (var connection = java.sql.DriverManager.getConnection(settings.url(), settings.user(), settings.password());
             var select = connection.createStatement();
             var result = select.executeQuery("SELECT * FROM virtual_keys")) {
            while (result.next()) {
                for (int i = 1; i <= result.getMetaData().getColumnCount(); i++) {
                    rows.append(result.getString(i)).append(' ');
                }
            }
        }
        return rows.toString();
    }
}
