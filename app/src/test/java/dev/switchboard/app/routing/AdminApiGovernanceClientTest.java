package dev.switchboard.app.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.app.routing.GovernanceClient.ApiKey;
import dev.switchboard.app.routing.GovernanceClient.Circuit;
import dev.switchboard.app.routing.GovernanceClient.CreatedApiKey;
import dev.switchboard.app.routing.GovernanceClient.KeyCheck;
import dev.switchboard.app.routing.GovernanceClient.ApiKeyDetails;
import dev.switchboard.app.routing.GovernanceClient.NewVirtualKey;
import dev.switchboard.app.routing.GovernanceClient.SavedConfig;
import dev.switchboard.app.routing.GovernanceClient.VirtualKey;
import dev.switchboard.gateway.Gateway;
import dev.switchboard.gateway.GatewayConfig;
import dev.switchboard.gateway.mock.MockOptions;
import dev.switchboard.gateway.mock.MockProvider;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** The admin API client against a real gateway (H2 in a temp dir) with the mock provider upstream. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AdminApiGovernanceClientTest {
    private static final String TOKEN = "t";
    @TempDir
    static Path dataDir;
    private final OkHttpClient http = new OkHttpClient();
    private Gateway gateway;
    private MockProvider mock;
    private GovernanceClient client;
    private String closedHost;

    @BeforeAll
    void start() throws IOException {
        gateway = Gateway.start(GatewayConfig.defaults(dataDir).withPort(0).withAdminToken(TOKEN));
        mock = MockProvider.start(MockOptions.defaults());
        client = new AdminApiGovernanceClient(gateway.baseUrl(), TOKEN, http);
        try (ServerSocket socket = new ServerSocket(0)) {
            closedHost = "http://127.0.0.1:" + socket.getLocalPort() + "/v1";
        }
    }

    @AfterAll
    void stop() {
        gateway.close();
        mock.close();
    }

    @Test
    void createsAVirtualKeyShowsOnlyItsHintAndTestsIt() {
        VirtualKey created = client.createVirtualKey(new NewVirtualKey("mock-openai", "Mock OpenAI", "openai",
                "sk-mock-secret-9876wxyz", mock.baseUrl() + "/v1"));

        assertThat(created.keyHint()).isEqualTo("…wxyz");
        assertThat(client.virtualKeys()).filteredOn(k -> k.id().equals("mock-openai")).singleElement()
                .satisfies(k -> {
                    assertThat(k.name()).isEqualTo("Mock OpenAI");
                    assertThat(k.customHost()).isEqualTo(mock.baseUrl() + "/v1");
                    assertThat(k.toString()).doesNotContain("sk-mock-secret");
                });
        KeyCheck check = client.testVirtualKey("mock-openai");
        assertThat(check.ok()).isTrue();
        assertThat(check.message()).isEqualTo("The provider accepted the key");

        VirtualKey rotated = client.rotateVirtualKey("mock-openai", "sk-rotated-1111");
        assertThat(rotated.keyHint()).isEqualTo("…1111");

        client.deleteVirtualKey("mock-openai");
        assertThat(client.virtualKeys()).extracting(VirtualKey::id).doesNotContain("mock-openai");
    }

    @Test
    void aKeyWhoseProviderCannotBeReachedFailsItsTestWithAReason() {
        client.createVirtualKey(new NewVirtualKey("nowhere", "Nowhere", "openai", "sk-x-0000", closedHost));

        KeyCheck check = client.testVirtualKey("nowhere");

        assertThat(check.ok()).isFalse();
        assertThat(check.message()).isNotBlank();
    }

    @Test
    void createsAnApiKeyWhoseSecretComesBackOnlyOnce() {
        CreatedApiKey created = client.createApiKey(new ApiKeyDetails("support-bot", "support", List.of("gpt-4o-mini"),
                60, null, new BigDecimal("5"), null));

        assertThat(created.secret()).startsWith("sbk-").startsWith(created.key().prefix());
        ApiKey listed = client.apiKeys().stream().filter(k -> k.id().equals(created.key().id())).findFirst()
                .orElseThrow();
        assertThat(listed.name()).isEqualTo("support-bot");
        assertThat(listed.team()).isEqualTo("support");
        assertThat(listed.allowedModels()).containsExactly("gpt-4o-mini");
        assertThat(listed.requestsPerMinute()).isEqualTo(60);
        assertThat(listed.budgetDayUsd()).isEqualByComparingTo("5");
        assertThat(listed.usage().day().costUsd()).isEqualByComparingTo("0");
        assertThat(listed.active()).isTrue();

        ApiKey changed = client.updateApiKey(created.key().id(), new ApiKeyDetails("support-bot-2", "support",
                List.of(), null, 1000, new BigDecimal("5"), new BigDecimal("80")));
        assertThat(changed.name()).isEqualTo("support-bot-2");
        assertThat(changed.allowedModels()).as("none left means any model").isEmpty();
        assertThat(changed.requestsPerMinute()).as("a limit left out is removed").isNull();
        assertThat(changed.tokensPerMinute()).isEqualTo(1000);
        assertThat(changed.budgetMonthUsd()).isEqualByComparingTo("80");

        ApiKey revoked = client.revokeApiKey(created.key().id());
        assertThat(revoked.active()).isFalse();
        assertThat(revoked.budgetDayUsd()).as("the revoke answer reads like the others").isEqualByComparingTo("5");
    }

    @Test
    void renamesAVirtualKeyAndChangesItsHostKeepingTheKey() {
        client.createVirtualKey(new NewVirtualKey("renamed", "Before", "openai", "sk-keep-5555", closedHost));

        VirtualKey moved = client.updateVirtualKey("renamed", "After", mock.baseUrl() + "/v1");

        assertThat(moved.name()).isEqualTo("After");
        assertThat(moved.keyHint()).isEqualTo("…5555");
        assertThat(client.testVirtualKey("renamed").ok()).as("the kept key works at the new host").isTrue();
        assertThat(client.updateVirtualKey("renamed", "After", null).customHost()).isNull();
    }

    @Test
    void browsesAConfigsVersionsAndRestoresAnOlderOne() {
        client.createConfig("rollback", "{\"provider\":\"openai\"}");
        client.addConfigVersion("rollback", "{\"provider\":\"anthropic\"}");

        List<SavedConfig> versions = client.configVersions("rollback");
        SavedConfig restored = client.restoreConfigVersion("rollback", 1);

        assertThat(versions).extracting(SavedConfig::version).containsExactly(1, 2);
        assertThat(versions.getFirst().json()).contains("openai");
        assertThat(restored.version()).isEqualTo(3);
        assertThat(restored.json()).isEqualTo(versions.getFirst().json());
    }

    @Test
    void aRefusalCarriesTheFieldTheGatewayNamed() {
        assertThatThrownBy(() -> client.createApiKey(new ApiKeyDetails("x", null, List.of(), null, null,
                new BigDecimal("-1"), null)))
                .isInstanceOf(GovernanceException.class)
                .satisfies(e -> assertThat(((GovernanceException) e).param()).isEqualTo("budget_day_usd"));
    }

    @Test
    void savesConfigVersionsAndReportsTheJsonPathOfABadOne() {
        SavedConfig first = client.createConfig("team-default", "{\"provider\":\"openai\",\"api_key\":\"sk-in-cfg\"}");
        SavedConfig second = client.addConfigVersion("team-default", "{\"provider\":\"anthropic\"}");

        assertThat(first.version()).isEqualTo(1);
        assertThat(first.json()).contains("[redacted]").doesNotContain("sk-in-cfg");
        assertThat(second.version()).isEqualTo(2);
        assertThat(client.configs()).filteredOn(c -> c.id().equals("team-default")).singleElement()
                .satisfies(c -> assertThat(c.version()).isEqualTo(2));

        assertThatThrownBy(() -> client.createConfig("broken",
                "{\"strategy\":{\"mode\":\"fallback\"},\"targets\":[{\"provider\":\"nope\"}]}"))
                .isInstanceOf(GovernanceException.class)
                .hasMessageStartingWith("Invalid config at config.targets[0].provider")
                .satisfies(e -> assertThat(((GovernanceException) e).status()).isEqualTo(400));

        client.deleteConfig("team-default");
        assertThatThrownBy(() -> client.deleteConfig("team-default")).hasMessage("No saved config 'team-default'");
    }

    @Test
    void readsAndChangesTheRequireApiKeysSetting() {
        assertThat(client.requireApiKeys()).isFalse();
        assertThat(client.setRequireApiKeys(true)).isTrue();
        assertThat(client.requireApiKeys()).isTrue();
        assertThat(client.setRequireApiKeys(false)).isFalse();
    }

    @Test
    void readsTheCircuitOfATargetThatKeepsFailing() throws IOException {
        client.createConfig("flaky-first", "{\"strategy\":{\"mode\":\"fallback\"},\"targets\":["
                + "{\"provider\":\"openai\",\"api_key\":\"sk-a\",\"custom_host\":\"" + closedHost + "\"},"
                + "{\"provider\":\"openai\",\"api_key\":\"sk-b\",\"custom_host\":\"" + mock.baseUrl() + "/v1\"}]}");
        for (int i = 0; i < 5; i++) {
            assertThat(chatWithConfig("flaky-first")).as("the fallback answers").isEqualTo(200);
        }

        List<Circuit> circuits = client.circuits();

        assertThat(circuits).filteredOn(c -> c.target().contains(closedHost)).singleElement().satisfies(c -> {
            assertThat(c.state()).isEqualTo("open");
            assertThat(c.consecutiveFailures()).isEqualTo(5);
            assertThat(c.openUntil()).isAfter(Instant.now()).isBefore(Instant.now().plus(Duration.ofMinutes(5)));
        });
    }

    @Test
    void aWrongTokenAndAnUnreachableGatewayAreReadableSentences() throws IOException {
        GovernanceClient wrong = new AdminApiGovernanceClient(gateway.baseUrl(), "nope", http);
        assertThatThrownBy(wrong::virtualKeys).isInstanceOf(GovernanceException.class)
                .hasMessage("The gateway refused the admin token (HTTP 401)");

        String down;
        try (ServerSocket socket = new ServerSocket(0)) {
            down = "http://127.0.0.1:" + socket.getLocalPort();
        }
        GovernanceClient unreachable = new AdminApiGovernanceClient(down, TOKEN, http);
        assertThatThrownBy(unreachable::circuits).isInstanceOf(GovernanceException.class)
                .hasMessageStartingWith("Cannot reach the gateway at " + down + ": Cannot connect");
    }

    private int chatWithConfig(String configId) throws IOException {
        Request request = new Request.Builder().url(gateway.baseUrl() + "/v1/chat/completions")
                .header("x-portkey-config", configId)
                .post(RequestBody.create("{\"model\":\"gpt-4o-mini\",\"messages\":[{\"role\":\"user\","
                        + "\"content\":\"hi\"}]}", MediaType.get("application/json")))
                .build();
        try (Response response = http.newCall(request).execute()) {
            response.body().bytes();
            return response.code();
        }
    }
}
