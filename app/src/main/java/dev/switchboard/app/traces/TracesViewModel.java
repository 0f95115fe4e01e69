package dev.switchboard.app.traces;

import dev.switchboard.app.common.Formats;
import dev.switchboard.app.common.UiTasks;
import dev.switchboard.app.common.UserMessages;
import dev.switchboard.app.connection.GatewayClient;
import dev.switchboard.app.connection.GatewayClient.LinkState;
import dev.switchboard.app.connection.GatewayClient.LiveListener;
import dev.switchboard.app.connection.LiveHub;
import dev.switchboard.gateway.trace.Trace;
import dev.switchboard.gateway.trace.TraceQuery;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The trace list: the newest page from the store, then live traces as they are written, coalesced. Live traces
 * queue up on the feed's thread; {@link #drainLive()} (every ~100 ms on the FX thread) adds them with one
 * {@code addAll} and caps the list; older rows are paged from the store on demand.
 */
public final class TracesViewModel {
    public static final int PAGE_SIZE = 200;
    /** Rows kept in the live list; older ones are trimmed and paged back in from the store on request. */
    public static final int LIVE_CAP = 2_000;
    /**
     * A drain that brings more rows than this means heavy traffic: the next {@link #BUSY_SKIPPED_DRAINS} drains are
     * skipped, so the table redraws about twice a second instead of ten times. Nobody reads 50 new rows per 100 ms,
     * and redrawing every visible cell that often is what keeps the FX thread busiest.
     */
    static final int BUSY_BATCH = 20;
    static final int BUSY_SKIPPED_DRAINS = 4;
    /** With a free-text filter, live traces are checked by re-querying, at most this often. */
    static final Duration TEXT_FILTER_REFRESH = Duration.ofSeconds(1);

    private final ReadOnlyObjectProperty<GatewayClient> client;
    private final UiTasks tasks;
    private final Clock clock;
    private final TraceFilterForm filters = new TraceFilterForm();
    private final ObservableList<Trace> rows = FXCollections.observableArrayList();
    private final Set<String> rowIds = new HashSet<>();
    private final ObservableList<String> providers = FXCollections.observableArrayList();
    private final ObservableList<String> models = FXCollections.observableArrayList();
    private final Queue<Trace> incoming = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean reloadAfterGap = new AtomicBoolean();
    private final BooleanProperty paused = new SimpleBooleanProperty();
    private final IntegerProperty newWhilePaused = new SimpleIntegerProperty();
    private final LongProperty matchCount = new SimpleLongProperty(-1);
    private final LongProperty totalCount = new SimpleLongProperty(-1);
    private final BooleanProperty loading = new SimpleBooleanProperty();
    private final BooleanProperty counting = new SimpleBooleanProperty();
    private final BooleanProperty hasOlder = new SimpleBooleanProperty();
    private final StringProperty filterError = new SimpleStringProperty();
    private final StringProperty loadError = new SimpleStringProperty();
    private TraceQuery activeQuery = TraceQuery.latest(PAGE_SIZE);
    private long generation;
    private boolean storeCheckPending;
    private int drainsToSkip;
    private Instant lastStoreCheck = Instant.EPOCH;

    public TracesViewModel(ReadOnlyObjectProperty<GatewayClient> client, LiveHub hub, UiTasks tasks, Clock clock) {
        this.client = client;
        this.tasks = tasks;
        this.clock = clock;
        hub.addListener(new LiveListener() {
            @Override
            public void onTrace(Trace trace) {
                incoming.add(trace);
            }

            @Override
            public void onLinkState(LinkState state, String detail) {
                if (state == LinkState.LIVE) {
                    reloadAfterGap.set(true);
                }
            }
        });
        client.addListener((obs, old, now) -> reload());
    }

    /** Re-reads the first page with the current filters; bad filter input shows a message instead. */
    public void applyFilters() {
        try {
            activeQuery = filters.toQuery(PAGE_SIZE, clock.instant());
            filterError.set(null);
        } catch (TraceFilterForm.InvalidFilterException e) {
            filterError.set(e.getMessage());
            return;
        }
        reload();
    }

    /** Re-reads the first page and the counts for the active filters. */
    public void reload() {
        GatewayClient current = client.get();
        long mine = ++generation;
        incoming.clear();
        reloadAfterGap.set(false);
        newWhilePaused.set(0);
        if (current == null) {
            replaceRows(List.of());
            matchCount.set(-1);
            totalCount.set(-1);
            return;
        }
        TraceQuery query = activeQuery;
        boolean unfiltered = filters.isEmpty();
        loading.set(true);
        counting.set(true);
        matchCount.set(-1);
        // Rows first, counts after: over a million traces a filtered count can take far longer than the page, and
        // run side by side the two would share the same cores.
        tasks.supply(() -> current.traces(query))
                .onSuccess(page -> {
                    if (mine == generation) {
                        replaceRows(page.items());
                        hasOlder.set(page.nextCursor() != null);
                        loadError.set(null);
                    }
                })
                .onError(e -> {
                    if (mine == generation) {
                        loadError.set(UserMessages.of(e));
                    }
                })
                .onDone(() -> {
                    if (mine == generation) {
                        loading.set(false);
                        count(current, query, unfiltered, mine);
                    }
                })
                .start();
    }

    /** Counts the matches (and, with filters, all traces) of reload {@code mine}, unless a newer one came. */
    private void count(GatewayClient current, TraceQuery query, boolean unfiltered, long mine) {
        tasks.supply(() -> new Counts(current.count(query), unfiltered ? -1 : current.count(TraceQuery.latest(1))))
                .onSuccess(counts -> {
                    if (mine == generation) {
                        matchCount.set(counts.matches());
                        totalCount.set(counts.total() < 0 ? counts.matches() : counts.total());
                    }
                })
                .onError(e -> {
                    if (mine == generation) {
                        loadError.set(UserMessages.of(e));
                    }
                })
                .onDone(() -> {
                    if (mine == generation) {
                        counting.set(false);
                    }
                })
                .start();
    }

    private record Counts(long matches, long total) {
    }

    /** Pages older traces from the store below the last row. */
    public void loadOlder() {
        GatewayClient current = client.get();
        if (current == null || rows.isEmpty() || loading.get()) {
            return;
        }
        Trace last = rows.getLast();
        // Traces older than the last row, plus those in its millisecond (skipped below by id).
        TraceQuery older = new TraceQuery(PAGE_SIZE, null, activeQuery.provider(), activeQuery.model(),
                activeQuery.status(), activeQuery.text(), activeQuery.promptName(), activeQuery.from(),
                last.startedAt().plusMillis(1), activeQuery.metadataKey(), activeQuery.metadataValue(),
                activeQuery.minDurationMs(), activeQuery.minCostUsd());
        long mine = generation;
        loading.set(true);
        tasks.supply(() -> current.traces(older)).onSuccess(page -> {
            if (mine != generation) {
                return;
            }
            List<Trace> fresh = page.items().stream().filter(t -> !rowIds.contains(t.id())).toList();
            fresh.forEach(t -> rowIds.add(t.id()));
            rows.addAll(fresh);
            hasOlder.set(page.nextCursor() != null);
            remember(fresh);
        }).onError(e -> loadError.set(UserMessages.of(e))).onDone(() -> loading.set(false)).start();
    }

    /** Moves queued live traces into the list: one {@code addAll} per call. Call on the FX thread. */
    public void drainLive() {
        if (reloadAfterGap.getAndSet(false)) {
            if (!paused.get()) {
                reload();
            }
            return;
        }
        if (drainsToSkip > 0) {
            drainsToSkip--;
            return;
        }
        List<Trace> batch = new ArrayList<>();
        for (Trace t; (t = incoming.poll()) != null; ) {
            batch.add(t);
        }
        if (batch.isEmpty()) {
            checkStoreIfDue();
            return;
        }
        if (batch.size() > BUSY_BATCH) {
            drainsToSkip = BUSY_SKIPPED_DRAINS;
        }
        if (totalCount.get() >= 0) {
            totalCount.set(totalCount.get() + batch.size());
        }
        if (LiveMatcher.needsStore(activeQuery)) {
            // Live traces carry no bodies: let the store decide, at most once a second.
            storeCheckPending = true;
            checkStoreIfDue();
            return;
        }
        List<Trace> matching = batch.stream().filter(t -> LiveMatcher.matches(t, activeQuery)).toList();
        if (matching.isEmpty()) {
            return;
        }
        if (matchCount.get() >= 0) {
            matchCount.set(matchCount.get() + matching.size());
        }
        if (paused.get()) {
            newWhilePaused.set(newWhilePaused.get() + matching.size());
            return;
        }
        // Newest first: the batch arrived oldest first.
        List<Trace> newestFirst = new ArrayList<>(matching.size());
        for (int i = matching.size() - 1; i >= 0; i--) {
            Trace t = matching.get(i);
            if (rowIds.add(t.id())) {
                newestFirst.add(t);
            }
        }
        rows.addAll(0, newestFirst);
        trimToCap();
        remember(newestFirst);
    }

    private void checkStoreIfDue() {
        Instant now = clock.instant();
        if (storeCheckPending && !paused.get() && !loading.get()
                && Duration.between(lastStoreCheck, now).compareTo(TEXT_FILTER_REFRESH) >= 0) {
            storeCheckPending = false;
            lastStoreCheck = now;
            reload();
        }
    }

    private void trimToCap() {
        if (rows.size() > LIVE_CAP) {
            List<Trace> trimmed = rows.subList(LIVE_CAP, rows.size());
            trimmed.forEach(t -> rowIds.remove(t.id()));
            trimmed.clear();
            hasOlder.set(true);
        }
    }

    public void togglePaused() {
        paused.set(!paused.get());
        if (!paused.get() && newWhilePaused.get() > 0) {
            reload();
        }
        newWhilePaused.set(0);
    }

    private void replaceRows(List<Trace> items) {
        rowIds.clear();
        items.forEach(t -> rowIds.add(t.id()));
        rows.setAll(items);
        remember(items);
    }

    /** Keeps the provider and model suggestions up to date with what has been seen. */
    private void remember(List<Trace> traces) {
        addNew(providers, traces.stream().map(Trace::provider).toList());
        addNew(models, traces.stream().map(Trace::model).toList());
    }

    private static void addNew(ObservableList<String> known, List<String> seen) {
        TreeSet<String> merged = new TreeSet<>(known);
        seen.stream().filter(s -> s != null && !s.isBlank()).forEach(merged::add);
        if (merged.size() != known.size()) {
            known.setAll(merged);
        }
    }

    /** "5,678 traces", or with filters "1,234 of 5,678 traces match". */
    public StringBinding countText() {
        return Bindings.createStringBinding(() -> {
            if (matchCount.get() < 0) {
                return counting.get() ? "Counting…" : "";
            }
            if (filters.isEmpty() || totalCount.get() < 0) {
                return Formats.count(matchCount.get()) + (matchCount.get() == 1 ? " trace" : " traces");
            }
            return Formats.count(matchCount.get()) + " of " + Formats.count(totalCount.get()) + " traces match";
        }, matchCount, totalCount, counting);
    }

    public TraceFilterForm filters() {
        return filters;
    }

    public ObservableList<Trace> rows() {
        return rows;
    }

    public ObservableList<String> providers() {
        return providers;
    }

    public ObservableList<String> models() {
        return models;
    }

    public BooleanProperty paused() {
        return paused;
    }

    public IntegerProperty newWhilePaused() {
        return newWhilePaused;
    }

    public LongProperty matchCount() {
        return matchCount;
    }

    /** Every trace the gateway holds, whatever the filters; 0 means nothing has been sent yet. */
    public LongProperty totalCount() {
        return totalCount;
    }

    public BooleanProperty loading() {
        return loading;
    }

    /** True while the match count is being worked out (after the rows are shown). */
    public BooleanProperty counting() {
        return counting;
    }

    public BooleanProperty hasOlder() {
        return hasOlder;
    }

    public StringProperty filterError() {
        return filterError;
    }

    public StringProperty loadError() {
        return loadError;
    }

    public ReadOnlyObjectProperty<GatewayClient> client() {
        return client;
    }
}
