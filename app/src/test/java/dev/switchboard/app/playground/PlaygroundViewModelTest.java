package dev.switchboard.app.playground;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.app.common.UiTasks;
import dev.switchboard.app.playground.ExperimentComparison.Change;
import dev.switchboard.app.playground.PlaygroundViewModel.Mode;
import dev.switchboard.gateway.trace.Trace;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.lang.reflect.Proxy;
import dev.switchboard.app.prompts.PromptsClient;
import dev.switchboard.prompts.model.ChatMessage;
import dev.switchboard.prompts.model.ModelConfig;
import dev.switchboard.prompts.model.PromptSummary;
import dev.switchboard.prompts.model.PromptTemplate;
import dev.switchboard.prompts.model.PromptVersion;
import dev.switchboard.prompts.model.RenderedPrompt;
import dev.switchboard.prompts.model.VersionRef;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Playground's model against a hand-driven streamer and a real store in a temp dir, all on the test thread. */
class PlaygroundViewModelTest {
    private static final Instant NOW = Instant.parse("2026-11-27T12:00:00Z");

    @TempDir
    Path dir;
    private final FakeStreamer streamer = new FakeStreamer();
    /** Each read of the clock is 100 ms later: latencies are whole, known numbers. */
    private final AtomicLong nanos = new AtomicLong();
    private PlaygroundStore store;
    /** A saved prompt "greet" with two versions; the gateway renders by replacing {{name}}. */
    private final PromptsClient library = (PromptsClient) Proxy.newProxyInstance(getClass().getClassLoader(),
            new Class<?>[] {PromptsClient.class}, (proxy, method, args) -> switch (method.getName()) {
                case "listPrompts" -> List.of(new PromptSummary("greet", "", List.of(), 2, Map.of(), NOW));
                case "getVersion" -> version(((VersionRef.Number) args[1]).value());
                case "render" -> {
                    PromptVersion v = version(((VersionRef.Number) args[1]).value());
                    String text = ((PromptTemplate.Text) v.template()).text()
                            .replace("{{name}}", String.valueOf(((Map<?, ?>) args[2]).get("name")));
                    yield new RenderedPrompt("greet", v.number(), List.of(new ChatMessage("user", text)), v.config());
                }
                default -> throw new UnsupportedOperationException(method.getName());
            });

    private static PromptVersion version(int number) {
        String text = number == 1 ? "Say hi to {{name}}" : "Greet {{name}} warmly";
        ModelConfig config = number == 1 ? ModelConfig.of(null) : new ModelConfig(null, null,
                Map.of("temperature", 0.1), List.of(), Map.of("type", "json_object"));
        return new PromptVersion("greet", number, new PromptTemplate.Text(text), config, "", "ana", NOW);
    }
    private final TargetCatalog catalog = new TargetCatalog() {
        @Override
        public Map<String, List<String>> models() {
            return Map.of("openai", List.of("gpt-4o", "gpt-4o-mini"));
        }

        @Override
        public Map<String, String> virtualKeys() {
            return Map.of("claude-team", "anthropic");
        }
    };
    private PlaygroundViewModel vm;

    @BeforeEach
    void setUp() {
        store = new PlaygroundStore(dir);
        vm = new PlaygroundViewModel(streamer, catalog, new SavedPrompts(() -> library),
                new CostCalculator(List::of), store,
                UiTasks.sameThread(), () -> "test gateway", Clock.fixed(NOW, ZoneOffset.UTC),
                () -> nanos.addAndGet(100_000_000));
        vm.targets().clear();
    }

    private void targets(String... models) {
        for (String model : models) {
            vm.targets().add(new TargetDraft(new Target("openai", model, null, null, null, null)));
        }
    }

    private CellResult cell(int row, int col) {
        return vm.grid().get().cell(row, col).get();
    }

    @Nested
    class Compare {
        @Test
        void everyColumnStreamsAtOnceWithTheFormsVariablesAndPlaygroundMetadata() {
            targets("gpt-4o-mini", "gpt-4o", "gpt-4.1-mini");
            vm.source().variables().getFirst().value().set("backpressure");

            vm.run();

            assertThat(streamer.open()).hasSize(3);
            ChatStreamer.Request sent = streamer.calls.getFirst().request;
            assertThat(sent.messages().getLast().content()).isEqualTo(
                    "Explain backpressure to a new engineer in two sentences.");
            assertThat(sent.metadata()).containsEntry("source", "playground")
                    .containsKey("experiment_id");
            assertThat(sent.metadata().get("experiment_id")).startsWith("exp-");
        }

        @Test
        void tokensReachTheGridOnlyOnDrainAsOneUpdatePerCell() {
            targets("gpt-4o-mini");
            vm.run();
            AtomicInteger updates = new AtomicInteger();
            vm.grid().get().cell(0, 0).addListener((obs, old, now) -> updates.incrementAndGet());
            FakeStreamer.FakeCall call = streamer.open().getFirst();
            for (int i = 0; i < 500; i++) {
                call.listener.onDelta("t" + i + " ");
            }
            assertThat(cell(0, 0).output()).isEmpty();

            vm.drain();

            assertThat(updates).hasValue(1);
            assertThat(cell(0, 0).output()).startsWith("t0 t1 ").endsWith("t499 ");
            assertThat(cell(0, 0).status()).isEqualTo(CellStatus.RUNNING);
        }

        @Test
        void finishedCellShowsLatencyTimeToFirstTokenTokensAndCost() {
            targets("gpt-4o-mini");
            vm.run();
            streamer.open().getFirst().answer("Hello");
            vm.drain();

            CellResult done = cell(0, 0);
            assertThat(done.status()).isEqualTo(CellStatus.DONE);
            assertThat(done.output()).isEqualTo("Hello");
            assertThat(done.ttftMs()).isEqualTo(100);
            assertThat(done.latencyMs()).isEqualTo(200);
            assertThat(done.inputTokens()).isEqualTo(10);
            assertThat(done.outputTokens()).isEqualTo(5);
            assertThat(done.costUsd()).isPositive();
            assertThat(done.traceId()).isEqualTo("trace-gpt-4o-mini");
            assertThat(vm.running().get()).isFalse();
        }

        @Test
        void oneColumnsErrorStaysInItsCellWhileTheOthersContinue() {
            targets("gpt-4o-mini", "gpt-4o");
            vm.run();
            streamer.openFor("gpt-4o").fail("HTTP 429: Rate limit reached for gpt-4o");
            vm.drain();

            assertThat(cell(0, 1).status()).isEqualTo(CellStatus.FAILED);
            assertThat(cell(0, 1).error()).isEqualTo("HTTP 429: Rate limit reached for gpt-4o");
            assertThat(cell(0, 0).status()).isEqualTo(CellStatus.RUNNING);
            streamer.openFor("gpt-4o-mini").answer("fine");
            vm.drain();
            assertThat(cell(0, 0).status()).isEqualTo(CellStatus.DONE);
        }

        @Test
        void cancellingOneColumnStopsItsCallAndIgnoresLateTokensOthersGoOn() {
            targets("gpt-4o-mini", "gpt-4o");
            vm.run();
            FakeStreamer.FakeCall first = streamer.openFor("gpt-4o-mini");

            vm.cancelColumn(0);
            first.listener.onDelta("late");
            vm.drain();

            assertThat(first.cancelled).isTrue();
            assertThat(cell(0, 0).status()).isEqualTo(CellStatus.CANCELLED);
            assertThat(cell(0, 0).output()).isEmpty();
            assertThat(streamer.openFor("gpt-4o").cancelled).isFalse();
            assertThat(vm.running().get()).isTrue();
        }

        @Test
        void cancellingAllStopsEveryCall() {
            targets("gpt-4o-mini", "gpt-4o", "gpt-4.1-mini");
            vm.run();

            vm.cancelAll();

            assertThat(streamer.calls).allMatch(c -> c.cancelled);
            assertThat(vm.grid().get().results().getFirst()).extracting(CellResult::status)
                    .containsOnly(CellStatus.CANCELLED);
            assertThat(vm.running().get()).isFalse();
        }

        @Test
        void rerunningOneColumnUsesTheTargetAsNowEditedAndLeavesTheOthers() {
            targets("gpt-4o-mini", "gpt-4o");
            vm.run();
            streamer.answerAll("first");
            vm.drain();
            vm.targets().get(1).temperature().set("0.1");

            vm.rerunColumn(1);

            assertThat(streamer.open()).hasSize(1);
            assertThat(streamer.open().getFirst().request.target().temperature()).isEqualTo(0.1);
            vm.drain();
            assertThat(cell(0, 1).status()).isEqualTo(CellStatus.RUNNING);
            assertThat(cell(0, 0).output()).isEqualTo("first");
            streamer.answerAll("second");
            vm.drain();
            assertThat(cell(0, 1).output()).isEqualTo("second");
        }

        @Test
        void missingVariableOrBadTargetIsExplainedAndNothingIsSent() {
            targets("gpt-4o-mini");
            vm.source().variables().getFirst().value().set(null);
            vm.source().messages().getLast().content().set("Say {{greeting}} to {{name}}");
            vm.run();
            assertThat(vm.message().get()).contains("greeting").contains("name");

            vm.source().messages().getLast().content().set("Hi");
            vm.targets().getFirst().temperature().set("warm");
            vm.run();
            assertThat(vm.message().get()).isEqualTo("Target 1: temperature must be a number, e.g. 0.7");
            assertThat(streamer.calls).isEmpty();
        }
    }

    @Nested
    class Matrix {
        @BeforeEach
        void matrix() {
            vm.mode().set(Mode.MATRIX);
        }

        @Test
        void neverOpensMoreCallsThanTheConcurrencyBoundAndFinishesEveryCell() {
            targets("gpt-4o-mini", "gpt-4o");
            for (int i = 0; i < 5; i++) {
                assertThat(vm.addCase("case " + i, "topic=topic " + i, "contains: ok")).isTrue();
            }
            vm.concurrency().set(3);

            vm.run();
            assertThat(streamer.open()).hasSize(3);
            streamer.open().getFirst().answer("ok");
            assertThat(streamer.open()).hasSize(3);
            streamer.answerAll("ok");
            vm.drain();

            assertThat(streamer.calls).hasSize(10);
            assertThat(streamer.maxOpen).isEqualTo(3);
            assertThat(vm.progress().get()).isEqualTo(1.0);
            assertThat(vm.grid().get().summary(0).get().passRate()).isEqualTo(1.0);
        }

        @Test
        void assertionsAreMarkedPerCellAndSummarisedPerColumn() {
            targets("gpt-4o-mini", "gpt-4o");
            vm.addCase("capital", "topic=France", "contains: Paris\nmax_latency_ms: 5000");
            vm.addCase("json", "topic=ids", "json");
            vm.run();
            streamer.openFor("gpt-4o-mini").answer("Paris is the capital");
            streamer.openFor("gpt-4o").answer("Lyon");
            streamer.openFor("gpt-4o-mini").answer("{\"id\": 1}");
            streamer.openFor("gpt-4o").fail("HTTP 401: Incorrect API key provided");
            vm.drain();

            assertThat(cell(0, 0).passed()).isTrue();
            assertThat(cell(0, 1).passed()).isFalse();
            assertThat(cell(0, 1).verdicts()).extracting(Verdict::passed).containsExactly(false, true);
            assertThat(cell(1, 1).verdicts()).singleElement().extracting(Verdict::detail).isEqualTo("the call failed");
            ColumnSummary second = vm.grid().get().summary(1).get();
            assertThat(second.passRate()).isEqualTo(0.0);
            assertThat(second.failed()).isEqualTo(1);
            assertThat(vm.grid().get().summary(0).get().passRate()).isEqualTo(1.0);
            assertThat(vm.grid().get().summary(0).get().meanLatencyMs()).isNotNull();
        }

        @Test
        void rerunningOneCellSendsOnlyThatCell() {
            targets("gpt-4o-mini");
            vm.addCase("a", "topic=a", "");
            vm.addCase("b", "topic=b", "");
            vm.run();
            streamer.answerAll("x");
            int before = streamer.calls.size();

            vm.rerunCell(1, 0);

            assertThat(streamer.calls).hasSize(before + 1);
            assertThat(streamer.calls.getLast().request.messages().getLast().content()).contains("b");
        }

        @Test
        void aBadAssertionIsExplainedAndTheCaseIsNotAdded() {
            assertThat(vm.addCase("x", "topic=a", "contain: Paris")).isFalse();
            assertThat(vm.message().get()).contains("Line 1").contains("Unknown assertion 'contain'");
            assertThat(vm.cases()).isEmpty();
        }
    }

    @Nested
    class Experiments {
        @Test
        void aFinishedRunIsSavedAndReopensWithItsSourceTargetsAndResults() throws Exception {
            targets("gpt-4o-mini", "gpt-4o");
            vm.run();
            streamer.answerAll("Saved answer");
            vm.drain();

            assertThat(vm.experiments()).singleElement().satisfies(s -> {
                assertThat(s.targets()).isEqualTo(2);
                assertThat(s.name()).startsWith("Compare 2 targets");
            });
            vm.targets().clear();
            vm.source().messages().clear();

            vm.open(vm.experiments().getFirst());

            assertThat(vm.targets()).extracting(t -> t.model().get()).containsExactly("gpt-4o-mini", "gpt-4o");
            assertThat(vm.source().messages()).hasSize(2);
            assertThat(cell(0, 1).output()).isEqualTo("Saved answer");
            assertThat(cell(0, 1).costUsd()).isEqualTo(store.load(vm.experiments().getFirst().id())
                    .results().getFirst().get(1).costUsd());
        }

        @Test
        void comparingTwoExperimentsSaysWhatGotBetterAndWhatWorse() {
            vm.mode().set(Mode.MATRIX);
            targets("gpt-4o-mini");
            vm.addCase("capital", "topic=France", "contains: Paris");
            vm.addCase("greeting", "topic=hello", "contains: Hello");
            vm.run();
            streamer.openFor("gpt-4o-mini").answer("Lyon");
            streamer.openFor("gpt-4o-mini").answer("Hello there");
            vm.drain();
            Experiment.Summary first = vm.experiments().getFirst();
            vm.run();
            streamer.openFor("gpt-4o-mini").answer("Paris");
            streamer.openFor("gpt-4o-mini").fail("HTTP 503: overloaded");
            vm.drain();
            Experiment.Summary second = vm.experiments().stream().filter(s -> !s.id().equals(first.id()))
                    .findFirst().orElseThrow();

            vm.compare(first, second);

            assertThat(vm.comparison()).extracting(ExperimentComparison.CellChange::testCase,
                    ExperimentComparison.CellChange::change)
                    .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("capital", Change.BETTER),
                            org.assertj.core.groups.Tuple.tuple("greeting", Change.WORSE));
            assertThat(vm.comparison()).filteredOn(c -> c.testCase().equals("greeting")).singleElement()
                    .extracting(ExperimentComparison.CellChange::detail).asString()
                    .contains("1/1 assertions passed → failed (HTTP 503: overloaded)");
        }

        @Test
        void targetSetsAreSavedAndApplied() {
            targets("gpt-4o-mini", "gpt-4o");
            vm.saveTargetSet("cheap pair");
            vm.targets().clear();

            vm.applyTargetSet(vm.targetSets().getFirst());

            assertThat(vm.targets()).extracting(t -> t.model().get()).containsExactly("gpt-4o-mini", "gpt-4o");
        }
    }

    @Test
    void theCatalogOffersTheGatewaysModelsAndAVirtualKeyBringsItsProvider() {
        vm.load();
        targets("gpt-4o");

        vm.chooseVirtualKey(vm.targets().getFirst(), "claude-team");

        assertThat(vm.models()).containsEntry("openai", List.of("gpt-4o", "gpt-4o-mini"));
        assertThat(vm.targets().getFirst().provider().get()).isEqualTo("anthropic");
        assertThat(vm.targets().getFirst().virtualKey().get()).isEqualTo("claude-team");
    }

    @Test
    void aSavedPromptVersionIsTheSourceAndColumnsCanRunOtherVersionsOfIt() {
        vm.load();
        assertThat(vm.promptNames()).containsExactly("greet");
        vm.loadPrompt("greet", "2");
        assertThat(vm.source().origin().get()).isEqualTo("Prompt greet v2");
        assertThat(vm.source().variables()).extracting(VariableField::name).containsExactly("name");
        vm.mode().set(Mode.MATRIX);
        vm.addCase("ana", "name=Ana", "");
        vm.targets().add(new TargetDraft(new Target("openai", "gpt-4o-mini", null, null, null, null)));
        vm.targets().add(new TargetDraft(new Target("openai", "gpt-4o-mini", null, null, null, null, 1)));

        vm.run();

        assertThat(streamer.calls).extracting(c -> c.request.messages().getFirst().content())
                .containsExactly("Greet Ana warmly", "Say hi to Ana");
        assertThat(vm.grid().get().targetLabels().get(1)).endsWith("prompt v1");
        assertThat(streamer.calls.getFirst().request.settings()).containsEntry("temperature", 0.1)
                .containsEntry("response_format", Map.of("type", "json_object"));
        assertThat(streamer.calls.get(1).request.settings()).isEmpty();

        vm.source().messages().getFirst().content().set("Wave at {{name}}");
        assertThat(vm.source().origin().get()).isEqualTo("Prompt greet v2 (edited)");
        vm.targets().remove(1);
        vm.run();
        assertThat(streamer.calls.getLast().request.messages().getFirst().content()).isEqualTo("Wave at Ana");
    }

    @Test
    void aTracedCallOpensAsSourceWithItsTargetFirst() {
        targets("gpt-4o");
        Trace trace = new Trace("tr1", null, NOW, 900, 200L, 200, "anthropic", "claude-3-5-haiku-20241022",
                "chat.completions", true, 10, 5, null, null, false, BigDecimal.ONE, "stop", Map.of(), null, null,
                null, null, null, null,
                "{\"model\":\"claude-3-5-haiku-20241022\",\"temperature\":0.3,\"max_tokens\":200,\"messages\":["
                        + "{\"role\":\"system\",\"content\":\"Be brief\"},"
                        + "{\"role\":\"user\",\"content\":[{\"type\":\"text\",\"text\":\"Hi there\"}]}]}",
                null, Map.of("x-portkey-custom-host", "http://127.0.0.1:9/v1"), List.of(), null);

        vm.openTrace(trace);

        assertThat(vm.source().origin().get()).isEqualTo("Trace tr1");
        assertThat(vm.source().messages()).extracting(m -> m.content().get()).containsExactly("Be brief", "Hi there");
        TargetDraft first = vm.targets().getFirst();
        assertThat(first.provider().get()).isEqualTo("anthropic");
        assertThat(first.model().get()).isEqualTo("claude-3-5-haiku-20241022");
        assertThat(first.temperature().get()).isEqualTo("0.3");
        assertThat(first.maxTokens().get()).isEqualTo("200");
        assertThat(first.customHost().get()).isEqualTo("http://127.0.0.1:9/v1");
        assertThat(vm.targets()).hasSize(2);
    }
}
