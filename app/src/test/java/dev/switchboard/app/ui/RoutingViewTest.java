package dev.switchboard.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.app.GatewayFixture;
import dev.switchboard.app.routing.AdminApiGovernanceClient;
import dev.switchboard.app.routing.GovernanceClient.ApiKey;
import dev.switchboard.app.routing.GovernanceClient.NewVirtualKey;
import dev.switchboard.gateway.mock.MockOptions;
import dev.switchboard.gateway.mock.MockProvider;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Labeled;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextInputControl;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Routing &amp; keys page in the real app, headless, against its embedded gateway (over the admin API on
 * loopback) with the mock provider upstream: what a user sees when adding keys. Lives with the other app tests to
 * share their driver.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RoutingViewTest {
    private static final String PROVIDER_KEY = "sk-ui-test-provider-secret-4321";
    @TempDir
    static Path configDir;
    @TempDir
    static Path dataDir;
    @TempDir
    static Path remoteDataDir;
    private final AppDriver ui = new AppDriver();
    private MockProvider mock;

    @BeforeAll
    void launch() throws Exception {
        mock = MockProvider.start(MockOptions.defaults());
        ui.launch(configDir, dataDir);
        ui.show("navRouting");
        ui.waitUntil(() -> !ui.lookup("#routingTabs").<Node>query().isDisabled());
    }

    @AfterAll
    void close() throws Exception {
        ui.close();
        mock.close();
    }

    @Test
    @Order(1)
    void aVirtualKeyAddedThroughTheDialogShowsInTheTableByItsHintOnly() {
        ui.clickOn("#addVirtualKey");
        ui.waitUntil(() -> ui.visible("vkName"));
        assertThat(ui.lookup("#vkApiKey").<Node>query()).as("the key is typed into a masked field")
                .isInstanceOf(PasswordField.class);

        ui.type("vkName", "Mock OpenAI");
        ui.type("vkId", "mock-openai");
        ui.type("vkApiKey", PROVIDER_KEY);
        ui.type("vkCustomHost", mock.baseUrl() + "/v1");
        ui.clickOn("#vkSave");

        ui.waitUntil(() -> !ui.visible("vkName"));
        ui.waitUntil(() -> tableTexts("virtualKeyTable").contains("mock-openai"));
        assertThat(tableTexts("virtualKeyTable")).contains("Mock OpenAI", "openai", "…4321", mock.baseUrl() + "/v1");
        assertThat(ui.text("virtualKeysMessage")).isEqualTo("Added Mock OpenAI (mock-openai, key …4321)");
        assertThat(allTexts()).as("the key is nowhere on screen").noneMatch(t -> t.contains(PROVIDER_KEY));

        ui.clickOn("#testKey-mock-openai");
        ui.waitUntil(() -> ui.text("testResult-mock-openai").startsWith("✓"));
        assertThat(ui.text("testResult-mock-openai")).isEqualTo("✓ The provider accepted the key");
    }

    @Test
    @Order(2)
    void aNewApiKeysSecretIsShownOnceAndGoneAfterDone() {
        ui.clickOn("#tabApiKeys");
        ui.clickOn("#createApiKey");
        ui.waitUntil(() -> ui.visible("akName"));
        ui.type("akName", "support-bot");
        ui.type("akBudgetDay", "5");
        ui.clickOn("#akSave");

        ui.waitUntil(() -> ui.visible("newKeyCard"));
        String secret = ui.text("newKeySecret");
        assertThat(secret).startsWith("sbk-");
        assertThat(ui.text("newKeyWarning")).contains("you won't see this key again");
        ui.waitUntil(() -> tableTexts("apiKeyTable").contains("support-bot"));
        assertThat(tableTexts("apiKeyTable")).contains("$0 of $5", "Active").noneMatch(t -> t.contains(secret));

        ui.clickOn("#dismissNewKey");

        ui.waitUntil(() -> !ui.visible("newKeyCard"));
        assertThat(allTexts()).as("the secret cannot be seen again").noneMatch(t -> t.contains(secret));
    }

    @Test
    @Order(3)
    void anApiKeysLimitsAreEditedNextToWhatItUsed() {
        ui.clickOn("#tabApiKeys");
        String id = ui.onFx(() -> ui.lookup("#apiKeyTable").<ApiKey>queryTableView().getItems().getFirst().id());
        ui.clickOn("#editApiKey-" + id);
        ui.waitUntil(() -> ui.visible("akUsage"));
        assertThat(ui.onFx(() -> texts(ui.lookup("#akUsage").query()))).contains("Requests this minute", "0 (no limit)",
                "Spent today", "$0 of $5");
        assertThat(ui.text("akBudgetDay")).isEqualTo("5");

        ui.type("akRpm", "-3");
        ui.clickOn("#akSave");
        ui.waitUntil(() -> ui.visible("akError"));
        assertThat(ui.text("akError")).isEqualTo("Requests per minute must be a whole number above 0, or empty "
                + "for no limit");

        ui.type("akRpm", "30");
        ui.type("akBudgetDay", "7");
        ui.clickOn("#akSave");

        ui.waitUntil(() -> !ui.visible("akName"));
        ui.waitUntil(() -> tableTexts("apiKeyTable").contains("30 req/min"));
        assertThat(tableTexts("apiKeyTable")).contains("support-bot", "$0 of $7");
        assertThat(ui.text("apiKeysMessage")).isEqualTo("Saved support-bot: 30 req/min");
    }

    @Test
    @Order(4)
    void aVirtualKeyIsRenamedWithoutTypingItsKeyAgainAndStillConnects() {
        ui.clickOn("#tabVirtualKeys");
        ui.clickOn("#editVirtualKey-mock-openai");
        ui.waitUntil(() -> ui.visible("vkName"));
        assertThat(ui.lookup("#vkApiKey").tryQuery()).as("no key field when editing").isEmpty();
        assertThat(ui.text("vkCustomHost")).isEqualTo(mock.baseUrl() + "/v1");

        ui.type("vkName", "Mock OpenAI renamed");
        ui.clickOn("#vkEditSave");

        ui.waitUntil(() -> tableTexts("virtualKeyTable").contains("Mock OpenAI renamed"));
        assertThat(tableTexts("virtualKeyTable")).contains("…4321");
        ui.clickOn("#testKey-mock-openai");
        ui.waitUntil(() -> ui.text("testResult-mock-openai").startsWith("✓"));
        assertThat(ui.text("virtualKeysMessage"))
                .isEqualTo("Connection test of Mock OpenAI renamed (mock-openai): ✓ The provider accepted the key");
    }

    @Test
    @Order(5)
    void aConfigsOlderVersionIsShownReadOnlyAndRestored() {
        ui.clickOn("#tabConfigs");
        ui.clickOn("#newConfig");
        ui.type("configId", "ui-config");
        editConfig("{\"strategy\":{\"mode\":\"conditional\",\"conditions\":[{\"query\":"
                + "{\"metadata.user\":{\"$regex\":\"(\"}},\"then\":\"a\"}]},"
                + "\"targets\":[{\"name\":\"a\",\"virtual_key\":\"mock-openai\"}]}");
        ui.clickOn("#saveConfig");
        ui.waitUntil(() -> ui.visible("configSaveError"));
        assertThat(ui.text("configSaveError")).isEqualTo("Invalid config at "
                + "config.strategy.conditions[0].query.metadata.user.$regex: is not a valid regular expression");

        editConfig("{\"virtual_key\":\"mock-openai\"}");
        ui.clickOn("#saveConfig");
        ui.waitUntil(() -> "Saved ui-config as version 1".equals(ui.text("configsMessage")));
        editConfig("{\"virtual_key\":\"mock-openai\",\"request_timeout\":5000}");
        ui.clickOn("#saveConfig");
        ui.waitUntil(() -> "Saved ui-config as version 2".equals(ui.text("configsMessage")));
        ui.waitUntil(() -> ui.onFx(() -> ui.lookup("#configVersions").<ComboBox<?>>query().getItems().size() == 2));

        ui.clickOn("#configVersions");
        ui.clickOn("Version 1");

        ui.waitUntil(() -> ui.visible("restoreConfigVersion"));
        assertThat(ui.lookup("#configEditor").<TextArea>query().isEditable()).isFalse();
        assertThat(ui.text("configEditor")).doesNotContain("request_timeout");
        assertThat(ui.lookup("#saveConfig").<Node>query().isDisabled()).isTrue();
        ui.clickOn("#restoreConfigVersion");

        ui.waitUntil(() -> "Restored version 1 of ui-config as version 3".equals(ui.text("configsMessage")));
        assertThat(ui.visible("restoreConfigVersion")).isFalse();
        assertThat(ui.lookup("#configEditor").<TextArea>query().isEditable()).isTrue();
        assertThat(ui.text("configVersion")).startsWith("Version 3 · saved");
    }

    private void editConfig(String json) {
        ui.interact(() -> ui.lookup("#configEditor").<TextArea>query().setText(json));
    }

    @Test
    @Order(10)
    void thePageFollowsTheAppToARemoteGateway() {
        try (GatewayFixture remote = new GatewayFixture().withGateway(remoteDataDir)) {
            String remoteUrl = remote.gateway().baseUrl();
            new AdminApiGovernanceClient(remoteUrl, GatewayFixture.ADMIN_TOKEN).createVirtualKey(
                    new NewVirtualKey("remote-only", "Remote only", "groq", "gsk-remote-secret-8888", null));
            ui.show("navSettings");
            ui.type("profileName", "Team gateway");
            ui.type("profileUrl", remoteUrl);
            ui.type("profileToken", GatewayFixture.ADMIN_TOKEN);
            ui.click("#saveProfile");
            ui.waitUntil(() -> ui.text("profileMessage").startsWith("Saved Team gateway."));
            // The list redraws its cells after the save; click the connect button once it is on screen.
            ui.waitUntil(() -> ui.lookup("#profileList .list-cell .button").tryQuery()
                    .map(n -> n.getScene() != null).orElse(false));
            org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
            ui.click("#profileList .list-cell .button");
            ui.waitUntil(() -> ui.text("connectionLabel").equals("Remote: " + remoteUrl));

            ui.show("navRouting");
            ui.clickOn("#tabVirtualKeys");

            ui.waitUntil(() -> tableTexts("virtualKeyTable").contains("remote-only"));
            assertThat(tableTexts("virtualKeyTable")).contains("…8888").doesNotContain("mock-openai");
            assertThat(ui.text("routingGateway")).isEqualTo("Gateway " + remoteUrl);
        } finally {
            ui.interact(() -> ui.app().connection().startEmbedded());
        }
    }

    /** Every text the table's cells show (their own text and any labels inside them), as a user reads them. */
    private Set<String> tableTexts(String tableId) {
        return ui.onFx(() -> {
            TableView<?> table = ui.lookup("#" + tableId).query();
            return table.lookupAll(".table-cell").stream().flatMap(cell -> texts(cell).stream())
                    .filter(t -> !t.isEmpty()).collect(Collectors.toSet());
        });
    }

    /** Every label and field text in every window of the app. */
    private List<String> allTexts() {
        return ui.onFx(() -> Window.getWindows().stream().filter(w -> w.getScene() != null)
                .flatMap(w -> texts(w.getScene().getRoot()).stream()).toList());
    }

    private static List<String> texts(Node node) {
        List<String> found = new java.util.ArrayList<>();
        if (node instanceof Labeled l && l.getText() != null) {
            found.add(l.getText());
        }
        if (node instanceof TextInputControl t && t.getText() != null) {
            found.add(t.getText());
        }
        if (node instanceof Parent p) {
            p.getChildrenUnmodifiable().forEach(child -> found.addAll(texts(child)));
        }
        return found;
    }
}
