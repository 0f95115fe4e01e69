package dev.switchboard.app.traces;

import static dev.switchboard.app.FakeGatewayClient.trace;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.app.FakeGatewayClient;
import dev.switchboard.app.common.UiTasks;
import dev.switchboard.app.connection.GatewayClient;
import dev.switchboard.app.connection.LiveHub;
import dev.switchboard.gateway.trace.Trace;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.Deque;
import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TracesViewModelTest {
    private static final Instant T0 = Instant.parse("2026-03-01T12:00:00Z");
    private final FakeGatewayClient gateway = new FakeGatewayClient();
    private final SimpleObjectProperty<GatewayClient> client = new SimpleObjectProperty<>();
    private final LiveHub hub = new LiveHub();
    private TracesViewModel vm;

    @BeforeEach
    void setUp() {
        for (int i = 0; i < 5; i++) {
            gateway.stored.add(trace("old" + i, T0.plusSeconds(i), i % 2 == 0 ? "gpt-4o" : "gpt-4o-mini", 200));
        }
        vm = new TracesViewModel(client, hub, UiTasks.sameThread(), Clock.fixed(T0.plusSeconds(60),
                ZoneOffset.UTC));
        client.set(gateway);
        gateway.subscribe(hub);
    }

    @Test
    void showsTheNewestPageAndTheCountWhenConnected() {
        assertThat(vm.rows()).extracting(Trace::id).containsExactly("old4", "old3", "old2", "old1", "old0");
        assertThat(vm.matchCount().get()).isEqualTo(5);
        assertThat(vm.countText().get()).isEqualTo("5 traces");
    }

    /** A model whose background work waits in {@code background} until the test runs it, one job at a time. */
    private TracesViewModel steppedBy(Deque<Runnable> background) {
        return new TracesViewModel(client, hub, new UiTasks(background::add, Runnable::run),
                Clock.fixed(T0.plusSeconds(60), ZoneOffset.UTC));
    }

    @Test
    void theRowsAreShownBeforeTheCountIsEvenAsked() {
        Deque<Runnable> background = new ArrayDeque<>();
        TracesViewModel stepped = steppedBy(background);
        stepped.reload();
        assertThat(background).as("only the page is asked for at first").hasSize(1);

        background.poll().run();

        assertThat(stepped.rows()).hasSize(5);
        assertThat(stepped.countText().get()).isEqualTo("Counting…");
        background.poll().run();
        assertThat(stepped.countText().get()).isEqualTo("5 traces");
    }

    @Test
    void aReloadOvertakenByANewerOneNeverAsksForItsCount() {
        Deque<Runnable> background = new ArrayDeque<>();
        TracesViewModel stepped = steppedBy(background);
        stepped.reload();
        stepped.filters().model().set("gpt-4o");
        stepped.applyFilters();

        background.poll().run();
        background.poll().run();

        assertThat(background).as("one count, for the filter now shown").hasSize(1);
        background.poll().run();
        assertThat(stepped.matchCount().get()).isEqualTo(3);
    }

    @Test
    void liveTracesWaitInTheQueueUntilDrainedThenLandOnTopInOneBatch() {
        gateway.write(trace("new1", T0.plusSeconds(10), "gpt-4o", 200));
        gateway.write(trace("new2", T0.plusSeconds(11), "gpt-4o", 200));
        assertThat(vm.rows()).hasSize(5);

        int[] changes = {0};
        vm.rows().addListener((javafx.collections.ListChangeListener<Trace>) c -> changes[0]++);
        vm.drainLive();

        assertThat(vm.rows()).extracting(Trace::id).startsWith("new2", "new1", "old4");
        assertThat(changes[0]).as("one list change per drain").isEqualTo(1);
        assertThat(vm.matchCount().get()).isEqualTo(7);
    }

    @Test
    void heavyTrafficIsAppliedInFewerBiggerBatches() {
        for (int i = 0; i < TracesViewModel.BUSY_BATCH + 1; i++) {
            gateway.write(trace("burst" + i, T0.plusSeconds(100 + i), "gpt-4o", 200));
        }
        vm.drainLive();
        gateway.write(trace("next", T0.plusSeconds(200), "gpt-4o", 200));

        for (int i = 0; i < TracesViewModel.BUSY_SKIPPED_DRAINS; i++) {
            vm.drainLive();
            assertThat(vm.rows().getFirst().id()).isEqualTo("burst" + TracesViewModel.BUSY_BATCH);
        }
        vm.drainLive();

        assertThat(vm.rows().getFirst().id()).isEqualTo("next");
    }

    @Test
    void pausingCountsNewTracesAndResumingReloadsThem() {
        vm.togglePaused();
        gateway.write(trace("new1", T0.plusSeconds(10), "gpt-4o", 200));
        vm.drainLive();

        assertThat(vm.rows()).hasSize(5);
        assertThat(vm.newWhilePaused().get()).isEqualTo(1);

        vm.togglePaused();

        assertThat(vm.rows().getFirst().id()).isEqualTo("new1");
        assertThat(vm.newWhilePaused().get()).isZero();
    }

    @Test
    void filtersNarrowTheListAndLiveTracesThatDoNotMatchStayOut() {
        vm.filters().model().set("gpt-4o");
        vm.applyFilters();

        assertThat(vm.rows()).extracting(Trace::model).containsOnly("gpt-4o");
        assertThat(vm.countText().get()).isEqualTo("3 of 5 traces match");

        gateway.write(trace("mini", T0.plusSeconds(20), "gpt-4o-mini", 200));
        gateway.write(trace("big", T0.plusSeconds(21), "gpt-4o", 200));
        vm.drainLive();

        assertThat(vm.rows()).extracting(Trace::id).startsWith("big").doesNotContain("mini");
        assertThat(vm.countText().get()).isEqualTo("4 of 7 traces match");
    }

    @Test
    void badFilterInputShowsAMessageAndKeepsTheList() {
        vm.filters().minDurationMs().set("fast");
        vm.applyFilters();

        assertThat(vm.filterError().get()).contains("whole number of milliseconds");
        assertThat(vm.rows()).hasSize(5);

        vm.filters().minDurationMs().set("100");
        vm.applyFilters();
        assertThat(vm.filterError().get()).isNull();
    }

    @Test
    void aFreeTextFilterAsksTheStoreAboutLiveTraces() {
        vm.filters().text().set("gpt-4o-mini");
        vm.applyFilters();
        int queriesBefore = gateway.queries.size();

        gateway.write(trace("new", T0.plusSeconds(30), "gpt-4o-mini", 200));
        vm.drainLive();

        assertThat(gateway.queries).hasSizeGreaterThan(queriesBefore);
        assertThat(vm.rows().getFirst().id()).isEqualTo("new");
    }

    @Test
    void theLiveListIsCappedAndOlderRowsComeBackFromTheStore() {
        for (int i = 0; i < TracesViewModel.LIVE_CAP + 10; i++) {
            gateway.write(trace("live" + i, T0.plusSeconds(100 + i), "gpt-4o", 200));
        }
        vm.drainLive();

        assertThat(vm.rows()).hasSize(TracesViewModel.LIVE_CAP);
        assertThat(vm.hasOlder().get()).isTrue();

        vm.loadOlder();

        // The 10 trimmed live rows and the 5 older ones come back, each once.
        assertThat(vm.rows()).hasSize(TracesViewModel.LIVE_CAP + 15);
        assertThat(vm.rows()).extracting(Trace::id).doesNotHaveDuplicates().endsWith("old1", "old0");
    }

    @Test
    void anEmptyGatewayReadsAsNothingSentYet() {
        FakeGatewayClient empty = new FakeGatewayClient();
        client.set(empty);

        assertThat(vm.totalCount().get()).isZero();
        assertThat(vm.rows()).isEmpty();
    }
}
