package dev.switchboard.app.routing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.app.common.UiTasks;
import dev.switchboard.app.routing.ApiKeysViewModel.Gauge;
import dev.switchboard.app.routing.GovernanceClient.ApiKey;
import dev.switchboard.app.routing.GovernanceClient.Circuit;
import dev.switchboard.app.routing.GovernanceClient.KeyCheck;
import dev.switchboard.app.routing.GovernanceClient.KeyUsage;
import dev.switchboard.app.routing.GovernanceClient.SavedConfig;
import dev.switchboard.app.routing.GovernanceClient.Usage;
import dev.switchboard.app.routing.GovernanceClient.VirtualKey;
import dev.switchboard.app.routing.VirtualKeyRow.TestState;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The Routing &amp; keys models against an in-memory gateway, everything on the test thread. */
class RoutingViewModelTest {
    private final FakeGovernanceClient gateway = new FakeGovernanceClient();
    private final SimpleObjectProperty<GovernanceClient> client = new SimpleObjectProperty<>();
    private final SimpleStringProperty unavailable = new SimpleStringProperty();
    private final AtomicInteger saved = new AtomicInteger();
    private RoutingViewModel vm;

    @BeforeEach
    void setUp() {
        vm = model(UiTasks.sameThread());
        client.set(gateway);
    }

    private RoutingViewModel model(UiTasks tasks) {
        return new RoutingViewModel(client, unavailable, tasks,
                Clock.fixed(FakeGovernanceClient.NOW, ZoneOffset.UTC), ZoneOffset.UTC);
    }

    @Nested
    class Loading {
        @Test
        void readsNothingUntilThePageIsShownThenEverything() {
            gateway.virtualKeys.put("openai-prod", new VirtualKey("openai-prod", "OpenAI prod", "openai", "…abcd",
                    null, FakeGovernanceClient.NOW, FakeGovernanceClient.NOW));
            assertThat(gateway.calls).isZero();

            vm.pageShown();

            assertThat(vm.virtualKeys().rows()).extracting(r -> r.key().id()).containsExactly("openai-prod");
            assertThat(vm.apiKeys().requireKnown().get()).isTrue();
        }

        @Test
        void switchingGatewaysClearsEverythingOfTheOldOneAndReadsTheNew() {
            vm.pageShown();
            vm.apiKeys().formName().set("bot");
            vm.apiKeys().save(saved::incrementAndGet);
            assertThat(vm.apiKeys().createdSecret().get()).isNotNull();

            FakeGovernanceClient other = new FakeGovernanceClient();
            other.virtualKeys.put("groq", new VirtualKey("groq", "Groq", "groq", "…wxyz", null, null, null));
            client.set(other);

            assertThat(vm.apiKeys().createdSecret().get()).as("an unseen secret does not outlive its gateway")
                    .isNull();
            assertThat(vm.apiKeys().rows()).isEmpty();
            assertThat(vm.virtualKeys().rows()).extracting(r -> r.key().id()).containsExactly("groq");
        }

        @Test
        void anUnreachableGatewayIsAReadableSentence() {
            gateway.failNext = new GovernanceException("Cannot reach the gateway at http://fake: Cannot connect: "
                    + "connection refused", new java.net.ConnectException());

            vm.pageShown();

            assertThat(vm.virtualKeys().error().get())
                    .isEqualTo("Cannot reach the gateway at http://fake: Cannot connect: connection refused");
        }

        @Test
        void answersArriveOffTheCallingThreadAndAreDroppedAfterASwitch() {
            List<Runnable> background = new ArrayList<>();
            Executor queued = background::add;
            RoutingViewModel slow = model(new UiTasks(queued, Runnable::run));
            gateway.virtualKeys.put("a", new VirtualKey("a", "A", "openai", "…aaaa", null, null, null));

            slow.pageShown();
            assertThat(background).as("nothing ran on the calling (FX) thread").isNotEmpty();
            assertThat(gateway.calls).isZero();

            client.set(new FakeGovernanceClient());
            List.copyOf(background).forEach(Runnable::run);

            assertThat(slow.virtualKeys().rows()).as("the old gateway's keys are not shown").isEmpty();
        }
    }

    @Nested
    class VirtualKeys {
        private VirtualKeysViewModel keys;

        @BeforeEach
        void show() {
            vm.pageShown();
            keys = vm.virtualKeys();
        }

        private void fillForm(String name, String apiKey) {
            keys.formName().set(name);
            keys.formId().set("openai-prod");
            keys.formProvider().set("openai");
            keys.formApiKey().set(apiKey);
        }

        @Test
        void addingStoresTheKeyAndShowsOnlyItsHint() {
            fillForm("OpenAI prod", "sk-live-secret-1234abcd");

            keys.add(saved::incrementAndGet);

            assertThat(gateway.receivedProviderKeys).containsExactly("sk-live-secret-1234abcd");
            assertThat(saved).hasValue(1);
            VirtualKey row = keys.rows().getFirst().key();
            assertThat(row.keyHint()).isEqualTo("…abcd");
            assertThat(row.toString()).doesNotContain("sk-live");
            assertThat(keys.formApiKey().get()).as("the key leaves the form once stored").isEmpty();
            assertThat(keys.message().get()).isEqualTo("Added OpenAI prod (openai-prod, key …abcd)");
        }

        @Test
        void aMissingKeyIsAskedForAndARefusalKeepsTheDialogOpen() {
            fillForm("OpenAI prod", "  ");
            keys.add(saved::incrementAndGet);
            assertThat(keys.formError().get()).isEqualTo("Paste the provider's API key");
            assertThat(gateway.receivedProviderKeys).isEmpty();

            fillForm("OpenAI prod", "sk-one-1111");
            keys.add(saved::incrementAndGet);
            fillForm("OpenAI again", "sk-two-2222");
            keys.add(saved::incrementAndGet);

            assertThat(saved).as("only the first add closed its dialog").hasValue(1);
            assertThat(keys.formError().get()).isEqualTo("A virtual key with id 'openai-prod' exists");
            assertThat(keys.formApiKey().get()).as("kept, so the user can change the id and retry")
                    .isEqualTo("sk-two-2222");

            keys.cancelForm();
            assertThat(keys.formApiKey().get()).isEmpty();
        }

        @Test
        void rotatingReplacesTheKeyAndItsHint() {
            fillForm("OpenAI prod", "sk-old-key-aaaa");
            keys.add(saved::incrementAndGet);
            VirtualKeyRow row = keys.rows().getFirst();

            keys.rotateApiKey().set("sk-new-key-bbbb");
            keys.rotate(row, saved::incrementAndGet);

            assertThat(gateway.receivedProviderKeys).containsExactly("sk-old-key-aaaa", "sk-new-key-bbbb");
            assertThat(keys.rows()).singleElement().satisfies(r -> assertThat(r.key().keyHint()).isEqualTo("…bbbb"));
            assertThat(keys.rotateApiKey().get()).isEmpty();
            assertThat(keys.message().get()).isEqualTo("Rotated the key of OpenAI prod: now …bbbb");
        }

        @Test
        void testingShowsATickOrACrossWithTheProvidersWords() {
            gateway.virtualKeys.put("good", new VirtualKey("good", "Good", "openai", "…good", null, null, null));
            gateway.virtualKeys.put("bad", new VirtualKey("bad", "Bad", "openai", "…bad1", null, null, null));
            gateway.checks.put("bad", new KeyCheck(false, 401, "Incorrect API key provided"));
            keys.refresh();

            keys.test(keys.rows().get(0));
            keys.test(keys.rows().get(1));

            assertThat(keys.rows().get(0).test().get().state()).isEqualTo(TestState.OK);
            assertThat(keys.rows().get(0).test().get().message()).isEqualTo("✓ The provider accepted the key");
            assertThat(keys.rows().get(1).test().get().state()).isEqualTo(TestState.FAILED);
            assertThat(keys.rows().get(1).test().get().message())
                    .isEqualTo("✗ Incorrect API key provided (HTTP 401)");

            keys.refresh();
            assertThat(keys.rows().get(1).test().get().message()).as("a refresh keeps results of unchanged keys")
                    .startsWith("✗");
        }

        @Test
        void aFailedTestIsAlsoSaidOnTheMessageLineWithTheKeysName() {
            gateway.virtualKeys.put("bad", new VirtualKey("bad", "Bad", "openai", "…bad1", null, null, null));
            gateway.checks.put("bad", new KeyCheck(false, 401, "Incorrect API key provided"));
            keys.refresh();

            keys.test(keys.rows().getFirst());

            assertThat(keys.error().get())
                    .isEqualTo("Connection test of Bad (bad): ✗ Incorrect API key provided (HTTP 401)");
            assertThat(keys.message().get()).isNull();
        }

        @Test
        void editingRenamesAndMovesTheHostWithoutAskingForTheKeyAgain() {
            fillForm("OpenAI prod", "sk-live-secret-1234abcd");
            keys.add(saved::incrementAndGet);

            keys.startEdit(keys.rows().getFirst().key());
            assertThat(keys.formName().get()).isEqualTo("OpenAI prod");
            assertThat(keys.formApiKey().get()).isEmpty();
            keys.formName().set("OpenAI via proxy");
            keys.formCustomHost().set("https://proxy.internal/v1");
            keys.saveEdit(saved::incrementAndGet);

            assertThat(gateway.virtualKeys.get("openai-prod").name()).isEqualTo("OpenAI via proxy");
            assertThat(gateway.virtualKeys.get("openai-prod").customHost()).isEqualTo("https://proxy.internal/v1");
            assertThat(gateway.receivedProviderKeys).as("the key was sent once, when added")
                    .containsExactly("sk-live-secret-1234abcd");
            assertThat(keys.rows()).singleElement().satisfies(r -> assertThat(r.key().keyHint()).isEqualTo("…abcd"));
            assertThat(keys.message().get()).isEqualTo("Saved OpenAI via proxy (openai-prod): "
                    + "https://proxy.internal/v1, key …abcd unchanged");
            assertThat(keys.editing().get()).isNull();

            keys.startEdit(keys.rows().getFirst().key());
            keys.formCustomHost().set("");
            keys.saveEdit(saved::incrementAndGet);
            assertThat(gateway.virtualKeys.get("openai-prod").customHost()).as("empty removes the host").isNull();
        }

        @Test
        void deletingRemovesTheRow() {
            fillForm("OpenAI prod", "sk-live-1234");
            keys.add(saved::incrementAndGet);

            keys.delete(keys.rows().getFirst());

            assertThat(keys.rows()).isEmpty();
            assertThat(gateway.virtualKeys).isEmpty();
            assertThat(keys.message().get()).isEqualTo("Deleted OpenAI prod (openai-prod)");
        }

        @Test
        void aCustomHostMustBeAUrl() {
            fillForm("Local", "sk-x-1234");
            keys.formCustomHost().set("localhost:11434");

            keys.add(saved::incrementAndGet);

            assertThat(keys.formError().get()).startsWith("The custom host must be an http(s) URL");
            assertThat(gateway.receivedProviderKeys).isEmpty();
        }
    }

    @Nested
    class ApiKeys {
        private ApiKeysViewModel keys;

        @BeforeEach
        void show() {
            vm.pageShown();
            keys = vm.apiKeys();
        }

        @Test
        void creatingShowsTheSecretOnceUntilDismissed() {
            keys.formName().set("support-bot");
            keys.formTeam().set("support");
            keys.formModels().set("gpt-4o-mini, claude-3-5-haiku");
            keys.formRequestsPerMinute().set("60");
            keys.formBudgetDay().set("$5");

            keys.save(saved::incrementAndGet);

            assertThat(saved).hasValue(1);
            assertThat(keys.createdSecret().get()).isEqualTo("sbk-ak_1-the-one-time-secret");
            assertThat(keys.createdFor().get()).isEqualTo("support-bot");
            ApiKey row = keys.rows().getFirst();
            assertThat(row.allowedModels()).containsExactly("gpt-4o-mini", "claude-3-5-haiku");
            assertThat(row.toString()).doesNotContain("the-one-time-secret");
            assertThat(keys.formName().get()).isEmpty();

            keys.refresh();
            assertThat(keys.createdSecret().get()).as("still there until the user says done").isNotNull();

            keys.dismissSecret();
            keys.refresh();
            assertThat(keys.createdSecret().get()).isNull();
            assertThat(keys.rows()).extracting(ApiKey::toString).noneMatch(s -> s.contains("one-time-secret"));
        }

        @Test
        void limitsMustBeNumbersAboveZero() {
            keys.formName().set("bot");
            keys.formRequestsPerMinute().set("lots");
            keys.save(saved::incrementAndGet);
            assertThat(keys.formError().get())
                    .isEqualTo("Requests per minute must be a whole number above 0, or empty for no limit");

            keys.formRequestsPerMinute().set("");
            keys.formBudgetDay().set("-1");
            keys.save(saved::incrementAndGet);
            assertThat(keys.formError().get()).startsWith("The daily budget must be an amount in USD above 0");
            assertThat(gateway.apiKeys).isEmpty();
        }

        @Test
        void revokingMarksTheKeyRevokedAndKeepsWhatItSpent() {
            ApiKey spent = new ApiKey("ak_1", "bot", null, "sbk-ab12", List.of(), null, null,
                    new BigDecimal("5"), null, FakeGovernanceClient.NOW, null,
                    new KeyUsage(Usage.NONE, new Usage(3, 300, new BigDecimal("0.42"), BigDecimal.ZERO), Usage.NONE));
            gateway.apiKeys.put("ak_1", spent);
            keys.refresh();
            assertThat(keys.activeKeys().get()).isEqualTo(1);

            keys.revoke(keys.rows().getFirst());

            ApiKey revoked = keys.rows().getFirst();
            assertThat(keys.status(revoked)).isEqualTo("Revoked Nov 27, 2026");
            assertThat(ApiKeysViewModel.today(revoked).used()).isEqualTo("$0.42 of $5");
            assertThat(keys.activeKeys().get()).isZero();
        }

        @Test
        void editingFillsTheFormWithTheKeysLimitsAndSavesTheChangedSet() {
            keys.formName().set("bot");
            keys.formModels().set("gpt-4o-mini, claude-haiku");
            keys.formRequestsPerMinute().set("60");
            keys.formBudgetDay().set("5");
            keys.save(saved::incrementAndGet);
            keys.dismissSecret();

            keys.startEdit(keys.rows().getFirst());
            assertThat(List.of(keys.formName().get(), keys.formModels().get(), keys.formRequestsPerMinute().get(),
                    keys.formTokensPerMinute().get(), keys.formBudgetDay().get()))
                    .containsExactly("bot", "gpt-4o-mini, claude-haiku", "60", "", "5");
            keys.formRequestsPerMinute().set("");
            keys.formBudgetMonth().set("120");
            keys.save(saved::incrementAndGet);

            ApiKey stored = gateway.apiKeys.get("ak_1");
            assertThat(stored.requestsPerMinute()).as("an emptied limit is removed").isNull();
            assertThat(stored.budgetMonthUsd()).isEqualByComparingTo("120");
            assertThat(stored.budgetDayUsd()).isEqualByComparingTo("5");
            assertThat(gateway.apiKeys).hasSize(1);
            assertThat(keys.createdSecret().get()).as("editing shows no secret").isNull();
            assertThat(keys.rows()).singleElement().isEqualTo(stored);
            assertThat(keys.message().get()).isEqualTo("Saved bot: $120/month");
            assertThat(keys.editing().get()).isNull();
            assertThat(keys.formName().get()).isEmpty();
        }

        @Test
        void aRefusedLimitIsNamedByItsFormLabel() {
            keys.formName().set("bot");
            gateway.failNext = new GovernanceException(400, "budget_day_usd",
                    "'budget_day_usd' must be a positive amount in USD or null, got 1E+400");

            keys.save(saved::incrementAndGet);

            assertThat(keys.formError().get())
                    .isEqualTo("Daily budget (USD) must be a positive amount in USD or null, got 1E+400");
            assertThat(saved).as("the dialog stays open").hasValue(0);
        }

        @Test
        void gaugesReadEachLimitAgainstWhatTheKeyUsed() {
            ApiKey key = new ApiKey("ak_1", "bot", null, "sbk-ab12", List.of(), 60, null, new BigDecimal("5"),
                    new BigDecimal("100"), null, null, new KeyUsage(
                    new Usage(30, 1200, BigDecimal.ZERO, BigDecimal.ZERO),
                    new Usage(90, 5000, new BigDecimal("4.75"), BigDecimal.ZERO),
                    new Usage(900, 50000, new BigDecimal("20"), BigDecimal.ZERO)));

            assertThat(ApiKeysViewModel.gauges(key)).containsExactly(
                    new Gauge("Requests this minute", "30 of 60", 0.5),
                    new Gauge("Tokens this minute", "1,200 (no limit)", -1),
                    new Gauge("Spent today", "$4.75 of $5", 0.95),
                    new Gauge("Spent this month", "$20 of $100", 0.2));
        }

        @Test
        void theRequireToggleFollowsAndChangesTheGatewaySetting() {
            assertThat(keys.requireApiKeys().get()).isFalse();
            assertThat(gateway.requireWrites).as("reading the setting writes nothing").isZero();

            keys.requireApiKeys().set(true);

            assertThat(gateway.requireApiKeys).isTrue();
            assertThat(keys.message().get()).startsWith("Callers must now present a gateway API key");

            gateway.failNext = new GovernanceException(403, "The gateway refused the admin token (HTTP 403)");
            keys.requireApiKeys().set(false);

            assertThat(keys.requireApiKeys().get()).as("back to what the gateway has").isTrue();
            assertThat(keys.error().get())
                    .isEqualTo("Cannot change the setting: The gateway refused the admin token (HTTP 403)");
            assertThat(gateway.requireWrites).isEqualTo(2);
        }

        @Test
        void theTableReadsLimitsAndTodaysSpendAgainstTheBudget() {
            ApiKey key = new ApiKey("ak_1", "bot", "core", "sbk-ab12", List.of(), 60, 10000, new BigDecimal("5"),
                    new BigDecimal("100"), null, null, new KeyUsage(Usage.NONE,
                    new Usage(1, 10, new BigDecimal("4.75"), BigDecimal.ZERO), Usage.NONE));

            assertThat(ApiKeysViewModel.limits(key)).isEqualTo("60 req/min · 10,000 tok/min · $100/month");
            assertThat(ApiKeysViewModel.today(key)).isEqualTo(new Gauge("Spent today", "$4.75 of $5", 0.95));
            assertThat(ApiKeysViewModel.prefix(key)).isEqualTo("sbk-ab12…");
        }
    }

    @Nested
    class Configs {
        private ConfigsViewModel configs;

        @BeforeEach
        void show() {
            vm.pageShown();
            configs = vm.configs();
        }

        @Test
        void aConfigTheGatewayRejectsShowsItsMessageNamingTheJsonPath() {
            configs.newConfig();
            configs.editorId().set("broken");
            configs.editorText().set("{\"strategy\":{\"mode\":\"fallback\"},\"targets\":[{\"provider\":\"nope\"}]}");
            gateway.failNext = new GovernanceException(400,
                    "Invalid config at config.targets[0].provider: unknown provider 'nope'");

            configs.save();

            assertThat(configs.saveError().get())
                    .isEqualTo("Invalid config at config.targets[0].provider: unknown provider 'nope'");
            assertThat(configs.configs()).isEmpty();
        }

        @Test
        void jsonIsCheckedAsItIsTypedWithLineAndColumn() {
            configs.editorText().set("{\n  \"provider\": \"openai\",\n}");

            assertThat(configs.jsonProblem().get()).isEqualTo("Line 3, column 1: Unexpected character '}': was "
                    + "expecting double-quote to start field name");
            configs.editorId().set("x");
            configs.save();
            assertThat(configs.saveError().get()).startsWith("Fix the JSON first: Line 3");
            assertThat(gateway.configCalls).isEmpty();

            configs.editorText().set("[1, 2]");
            assertThat(configs.jsonProblem().get()).isEqualTo("A config is a JSON object: it starts with { and "
                    + "ends with }");
            configs.editorText().set("{\"provider\": \"openai\"}");
            assertThat(configs.jsonProblem().get()).isNull();
        }

        @Test
        void savingCreatesThenAddsVersions() {
            configs.editorId().set("team-default");
            configs.editorText().set("{\"provider\": \"openai\"}");

            configs.save();
            assertThat(configs.message().get()).isEqualTo("Saved team-default as version 1");
            assertThat(configs.creating().get()).isFalse();

            configs.editorText().set("{\"provider\": \"anthropic\"}");
            configs.save();

            assertThat(gateway.configCalls).containsExactly("POST team-default", "PUT team-default");
            assertThat(configs.configs()).singleElement().satisfies(c -> assertThat(c.version()).isEqualTo(2));
            assertThat(configs.versionInfo().get()).startsWith("Version 2 · saved Nov 27, 2026 14:00 by admin");
        }

        @Test
        void aRedactedKeyIsSentBackForTheGatewayToKeep() {
            gateway.createConfig("with-key", "{\"provider\":\"openai\",\"api_key\":\"[redacted]\"}");
            configs.refresh();

            configs.editorText().set("{\"provider\":\"openai\",\"api_key\":\"[redacted]\",\"request_timeout\":5000}");
            configs.save();

            assertThat(configs.saveError().get()).isNull();
            assertThat(gateway.configCalls).containsExactly("POST with-key", "PUT with-key");
            assertThat(configs.message().get()).isEqualTo("Saved with-key as version 2");
        }

        @Test
        void olderVersionsAreShownReadOnlyAndRestoredAsTheNextVersion() {
            gateway.createConfig("team", "{\"provider\": \"openai\"}");
            gateway.addConfigVersion("team", "{\"provider\": \"anthropic\"}");
            configs.refresh();
            assertThat(configs.versions()).extracting(SavedConfig::version).containsExactly(2, 1);
            assertThat(configs.viewingOlder().get()).isFalse();

            configs.viewed().set(configs.versions().get(1));

            assertThat(configs.editorText().get()).isEqualTo("{\"provider\": \"openai\"}");
            assertThat(configs.viewingOlder().get()).isTrue();
            assertThat(configs.versionInfo().get()).isEqualTo("Version 1 · saved Nov 27, 2026 14:00 by admin · an "
                    + "older version: restoring it saves it as version 3");
            configs.save();
            assertThat(configs.saveError().get()).startsWith("This is an older version");

            configs.restoreViewed();

            assertThat(gateway.configCalls).containsExactly("POST team", "PUT team", "RESTORE team@1");
            assertThat(configs.message().get()).isEqualTo("Restored version 1 of team as version 3");
            assertThat(configs.versions()).extracting(SavedConfig::version).containsExactly(3, 2, 1);
            assertThat(configs.viewingOlder().get()).isFalse();
            assertThat(configs.editorText().get()).isEqualTo("{\"provider\": \"openai\"}");
            assertThat(configs.configs()).singleElement().satisfies(c -> assertThat(c.version()).isEqualTo(3));
        }

        @Test
        void openingTheTabShowsTheFirstSavedConfigUnlessANewOneWasBegun() {
            gateway.createConfig("team-default", "{\"provider\": \"openai\"}");
            configs.refresh();
            assertThat(configs.editorId().get()).isEqualTo("team-default");
            assertThat(configs.creating().get()).isFalse();

            configs.newConfig();
            configs.editorId().set("draft");
            configs.refresh();
            assertThat(configs.editorId().get()).as("a draft is not thrown away").isEqualTo("draft");
        }

        @Test
        void deletingRemovesTheConfigAndStartsANewOne() {
            configs.editorId().set("old");
            configs.editorText().set("{\"provider\": \"openai\"}");
            configs.save();

            configs.delete();

            assertThat(configs.configs()).isEmpty();
            assertThat(gateway.configs).isEmpty();
            assertThat(configs.creating().get()).isTrue();
            assertThat(configs.editorText().get()).isEqualTo(ConfigsViewModel.TEMPLATE);
        }
    }

    @Nested
    class Circuits {
        @Test
        void showsStatesReadablyWithTimeLeft() {
            Instant until = FakeGovernanceClient.NOW.plusSeconds(23);
            gateway.circuits = List.of(
                    new Circuit("openai|null|http://127.0.0.1:1/v1|", "open", 5, until),
                    new Circuit("null|anthropic-prod|null|claude-3-5-haiku", "closed", 2, null));
            vm.pageShown();
            CircuitsViewModel circuits = vm.circuits();

            assertThat(circuits.rows()).hasSize(2);
            Circuit open = circuits.rows().getFirst();
            assertThat(CircuitsViewModel.target(open)).isEqualTo("openai · http://127.0.0.1:1/v1");
            assertThat(CircuitsViewModel.state(open)).isEqualTo("Open: skipped");
            assertThat(circuits.openUntil(open)).isEqualTo("14:00:23 (in 23 s)");
            assertThat(CircuitsViewModel.target(circuits.rows().get(1)))
                    .isEqualTo("virtual key anthropic-prod · model claude-3-5-haiku");
            assertThat(circuits.updated().get()).startsWith("1 target is being skipped · updated 14:00:00");
        }
    }
}
