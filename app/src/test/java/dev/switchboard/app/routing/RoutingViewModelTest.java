package dev.switchboard.app.routing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.app.common.UiTasks;
import dev.switchboard.app.routing.GovernanceClient.ApiKey;
import dev.switchboard.app.routing.GovernanceClient.Circuit;
import dev.switchboard.app.routing.GovernanceClient.KeyCheck;
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
            vm.apiKeys().create(saved::incrementAndGet);
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

            keys.cancelAdd();
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

            keys.create(saved::incrementAndGet);

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
            keys.create(saved::incrementAndGet);
            assertThat(keys.formError().get())
                    .isEqualTo("Requests per minute must be a whole number above 0, or empty for no limit");

            keys.formRequestsPerMinute().set("");
            keys.formBudgetDay().set("-1");
            keys.create(saved::incrementAndGet);
            assertThat(keys.formError().get()).startsWith("The daily budget must be an amount in USD above 0");
            assertThat(gateway.apiKeys).isEmpty();
        }

        @Test
        void revokingMarksTheKeyRevokedAndKeepsWhatItSpent() {
            ApiKey spent = new ApiKey("ak_1", "bot", null, "sbk-ab12", List.of(), null, null,
                    new BigDecimal("5"), null, FakeGovernanceClient.NOW, null,
                    new Usage(3, 300, new BigDecimal("0.42"), BigDecimal.ZERO), Usage.NONE);
            gateway.apiKeys.put("ak_1", spent);
            keys.refresh();
            assertThat(keys.activeKeys().get()).isEqualTo(1);

            keys.revoke(keys.rows().getFirst());

            ApiKey revoked = keys.rows().getFirst();
            assertThat(keys.status(revoked)).isEqualTo("Revoked Nov 27, 2026");
            assertThat(ApiKeysViewModel.today(revoked)).isEqualTo("$0.42 of $5");
            assertThat(keys.activeKeys().get()).isZero();
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
                    new BigDecimal("100"), null, null, new Usage(1, 10, new BigDecimal("4.75"), BigDecimal.ZERO),
                    Usage.NONE);

            assertThat(ApiKeysViewModel.limits(key)).isEqualTo("60 req/min · 10,000 tok/min · $100/month");
            assertThat(ApiKeysViewModel.today(key)).isEqualTo("$4.75 of $5");
            assertThat(ApiKeysViewModel.todayShare(key)).isEqualTo(0.95);
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
        void aRedactedKeyIsNotSavedBackAsTheKey() {
            configs.editorId().set("with-key");
            configs.editorText().set("{\"strategy\":{\"mode\":\"fallback\"},\"targets\":[{\"provider\":\"openai\","
                    + "\"api_key\":\"[redacted]\"}]}");

            configs.save();

            assertThat(configs.saveError().get()).startsWith("config.targets[0].api_key still reads [redacted]");
            assertThat(gateway.configCalls).isEmpty();
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
