package dev.switchboard.app.usage;

import dev.switchboard.app.common.Csv;
import dev.switchboard.app.common.Formats;
import dev.switchboard.app.common.PageLoad;
import dev.switchboard.app.common.TimeRange;
import dev.switchboard.app.common.UiTasks;
import dev.switchboard.app.common.UserMessages;
import dev.switchboard.app.common.AtomicFiles;
import dev.switchboard.app.connection.GatewayClient;
import dev.switchboard.gateway.trace.UsageBucket;
import dev.switchboard.gateway.trace.UsageGroup;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Usage over a time range: totals, cost over time stacked by model or provider, requests and errors, latency
 * percentiles, and a breakdown table by model, provider, prompt or any metadata key.
 */
public final class UsageViewModel {
    private static final String OTHER = "(none)";

    private final ReadOnlyObjectProperty<GatewayClient> client;
    private final UiTasks tasks;
    private final Clock clock;
    private final ZoneId zone;

    private final ObjectProperty<TimeRange> range = new SimpleObjectProperty<>(TimeRange.LAST_24_HOURS);
    private final ObjectProperty<LocalDate> customFrom = new SimpleObjectProperty<>();
    private final ObjectProperty<LocalDate> customTo = new SimpleObjectProperty<>();
    private final ObjectProperty<ChartGrouping> chartGrouping = new SimpleObjectProperty<>(ChartGrouping.MODEL);
    private final ObjectProperty<Breakdown> breakdown = new SimpleObjectProperty<>(Breakdown.MODEL);
    private final StringProperty metadataKey = new SimpleStringProperty("");

    private final StringProperty requests = new SimpleStringProperty(Formats.NONE);
    private final StringProperty errorRate = new SimpleStringProperty(Formats.NONE);
    private final StringProperty tokens = new SimpleStringProperty(Formats.NONE);
    private final StringProperty cost = new SimpleStringProperty(Formats.NONE);
    private final StringProperty p50 = new SimpleStringProperty(Formats.NONE);
    private final StringProperty p95 = new SimpleStringProperty(Formats.NONE);
    private final ObservableList<SeriesData> costSeries = FXCollections.observableArrayList();
    private final ObservableList<SeriesData> trafficSeries = FXCollections.observableArrayList();
    private final ObservableList<SeriesData> latencySeries = FXCollections.observableArrayList();
    private final ObservableList<UsageGroup> rows = FXCollections.observableArrayList();
    private final ObjectProperty<UsageRange> shownRange = new SimpleObjectProperty<>();
    private final StringProperty error = new SimpleStringProperty();
    private final StringProperty message = new SimpleStringProperty();
    private long generation;

    /** How the cost chart stacks its bars. */
    public enum ChartGrouping {
        MODEL("By model", "model"), PROVIDER("By provider", "provider");

        private final String label;
        private final String groupBy;

        ChartGrouping(String label, String groupBy) {
            this.label = label;
            this.groupBy = groupBy;
        }

        @Override
        public String toString() {
            return label;
        }
    }

    /** Usage over a large store is heavy: unread until the page is shown, so start-up does not wait behind it. */
    private final PageLoad load;

    public UsageViewModel(ReadOnlyObjectProperty<GatewayClient> client, UiTasks tasks, Clock clock, ZoneId zone) {
        this.client = client;
        this.tasks = tasks;
        this.clock = clock;
        this.zone = zone;
        this.load = new PageLoad(client, this::clear, this::refresh);
    }

    /** The page became visible: read now, and read each newly connected gateway from here on. */
    public void pageShown() {
        load.shown();
    }

    /** Another gateway: nothing of the old one stays on screen, and its late answers are ignored. */
    private void clear() {
        generation++;
        error.set(null);
        shownRange.set(null);
        for (StringProperty total : List.of(requests, errorRate, tokens, cost, p50, p95)) {
            total.set(Formats.NONE);
        }
        costSeries.clear();
        trafficSeries.clear();
        latencySeries.clear();
        rows.clear();
    }

    /** Everything the page shows, read in one background task. */
    private record Loaded(UsageRange range, UsageGroup totals, List<UsageBucket> byGroup, List<UsageBucket> overall,
                          List<UsageGroup> breakdown) {
    }

    public void refresh() {
        GatewayClient current = client.get();
        if (current == null) {
            return;
        }
        UsageRange resolved;
        String breakdownBy;
        try {
            resolved = UsageRange.of(range.get(), customFrom.get(), customTo.get(), clock.instant(), zone);
            breakdownBy = breakdownGroupBy();
        } catch (IllegalArgumentException e) {
            error.set(e.getMessage());
            return;
        }
        String chartBy = chartGrouping.get().groupBy;
        long mine = ++generation;
        tasks.supply(() -> {
            List<UsageGroup> totals = current.usage(resolved.from(), resolved.to(), "none");
            return new Loaded(resolved, totals.isEmpty() ? null : totals.getFirst(),
                    current.usageSeries(resolved.from(), resolved.to(), resolved.bucket(), chartBy),
                    current.usageSeries(resolved.from(), resolved.to(), resolved.bucket(), "none"),
                    current.usage(resolved.from(), resolved.to(), breakdownBy));
        }).onSuccess(loaded -> {
            if (mine == generation) {
                show(loaded);
            }
        }).onError(e -> {
            if (mine == generation) {
                error.set(UserMessages.of(e));
            }
        }).start();
    }

    private String breakdownGroupBy() {
        if (breakdown.get() == Breakdown.METADATA) {
            String key = metadataKey.get() == null ? "" : metadataKey.get().trim();
            if (key.isEmpty()) {
                throw new IllegalArgumentException("Name the metadata key to break down by, e.g. use_case or team");
            }
            return Breakdown.METADATA.groupBy(key);
        }
        return breakdown.get().groupBy(null);
    }

    private void show(Loaded loaded) {
        error.set(null);
        shownRange.set(loaded.range());
        UsageGroup t = loaded.totals();
        long count = t == null ? 0 : t.requests();
        requests.set(Formats.count(count));
        errorRate.set(count == 0 ? Formats.NONE : Formats.percent((double) t.errors() / count));
        tokens.set(t == null ? Formats.NONE : Formats.count(t.inputTokens()) + " in / "
                + Formats.count(t.outputTokens()) + " out");
        cost.set(t == null || t.costUsd() == null ? (count == 0 ? Formats.NONE : "$0") : Formats.usd(t.costUsd()));
        p50.set(t == null ? Formats.NONE : Formats.millis(t.p50Ms()));
        p95.set(t == null ? Formats.NONE : Formats.millis(t.p95Ms()));
        List<Instant> buckets = bucketStarts(loaded.range());
        costSeries.setAll(byKey(loaded.byGroup(), buckets, g -> g.costUsd() == null ? 0 : g.costUsd().doubleValue()));
        trafficSeries.setAll(
                series("Requests", loaded.overall(), buckets, g -> g.requests()),
                series("Errors", loaded.overall(), buckets, g -> g.errors()));
        // Latency has no value where there was no traffic: those buckets are left out rather than drawn as 0 ms.
        List<Instant> busy = loaded.overall().stream().map(UsageBucket::start).distinct().sorted().toList();
        latencySeries.setAll(
                series("p50", loaded.overall(), busy, g -> g.p50Ms() == null ? 0 : g.p50Ms()),
                series("p95", loaded.overall(), busy, g -> g.p95Ms() == null ? 0 : g.p95Ms()));
        rows.setAll(loaded.breakdown());
    }

    static List<Instant> bucketStarts(UsageRange range) {
        List<Instant> starts = new ArrayList<>();
        for (Instant s = range.firstBucket(); s.isBefore(range.to()); s = s.plus(range.bucket())) {
            starts.add(s);
        }
        return starts;
    }

    /** One zero-filled series per group key, biggest total first. */
    private static List<SeriesData> byKey(List<UsageBucket> rows, List<Instant> buckets,
                                          ToDoubleFunction<UsageGroup> value) {
        Map<String, Map<Instant, Double>> byKey = new LinkedHashMap<>();
        for (UsageBucket b : rows) {
            String key = b.totals().key() == null ? OTHER : b.totals().key();
            byKey.computeIfAbsent(key, k -> new LinkedHashMap<>()).merge(b.start(),
                    value.applyAsDouble(b.totals()), Double::sum);
        }
        List<SeriesData> series = new ArrayList<>();
        byKey.forEach((key, values) -> series.add(new SeriesData(key, buckets.stream()
                .map(s -> new SeriesData.Point(s, values.getOrDefault(s, 0.0))).toList())));
        series.sort((a, b) -> Double.compare(total(b), total(a)));
        return series;
    }

    private static double total(SeriesData s) {
        return s.points().stream().mapToDouble(SeriesData.Point::value).sum();
    }

    private static SeriesData series(String name, List<UsageBucket> rows, List<Instant> buckets,
                                     ToDoubleFunction<UsageGroup> value) {
        Map<Instant, Double> values = new LinkedHashMap<>();
        rows.forEach(b -> values.put(b.start(), value.applyAsDouble(b.totals())));
        return new SeriesData(name, buckets.stream()
                .map(s -> new SeriesData.Point(s, values.getOrDefault(s, 0.0))).toList());
    }

    /** The breakdown table as CSV, with the share of cost per row. */
    public String breakdownCsv() {
        BigDecimal totalCost = rows.stream().map(UsageGroup::costUsd).filter(c -> c != null)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        List<List<String>> lines = new ArrayList<>();
        for (UsageGroup g : rows) {
            lines.add(List.of(g.key() == null ? OTHER : g.key(), Long.toString(g.requests()),
                    Long.toString(g.errors()), Long.toString(g.inputTokens()), Long.toString(g.outputTokens()),
                    g.costUsd() == null ? "" : g.costUsd().toPlainString(),
                    g.costUsd() == null || totalCost.signum() == 0 ? ""
                            : String.format(java.util.Locale.ROOT, "%.4f",
                            g.costUsd().doubleValue() / totalCost.doubleValue()),
                    g.p50Ms() == null ? "" : g.p50Ms().toString(), g.p95Ms() == null ? "" : g.p95Ms().toString()));
        }
        return Csv.of(List.of(breakdown.get() == Breakdown.METADATA ? "metadata." + metadataKey.get().trim()
                        : breakdown.get().name().toLowerCase(java.util.Locale.ROOT), "requests", "errors",
                "input_tokens", "output_tokens", "cost_usd", "cost_share", "p50_ms", "p95_ms"), lines);
    }

    public void exportBreakdown(Path file) {
        String csv = breakdownCsv();
        tasks.run(() -> AtomicFiles.write(file, csv))
                .onSuccess(v -> message.set("Exported " + rows.size() + " rows to " + file))
                .onError(e -> message.set("Export failed: " + UserMessages.of(e))).start();
    }

    /** Share of the total cost for one breakdown row, for the table; null when the row has no known cost. */
    public Double costShare(UsageGroup g) {
        double total = rows.stream().map(UsageGroup::costUsd).filter(c -> c != null)
                .mapToDouble(BigDecimal::doubleValue).sum();
        return g.costUsd() == null || total == 0 ? null : g.costUsd().doubleValue() / total;
    }

    public ObjectProperty<TimeRange> range() {
        return range;
    }

    public ObjectProperty<LocalDate> customFrom() {
        return customFrom;
    }

    public ObjectProperty<LocalDate> customTo() {
        return customTo;
    }

    public ObjectProperty<ChartGrouping> chartGrouping() {
        return chartGrouping;
    }

    public ObjectProperty<Breakdown> breakdown() {
        return breakdown;
    }

    public StringProperty metadataKey() {
        return metadataKey;
    }

    public StringProperty requests() {
        return requests;
    }

    public StringProperty errorRate() {
        return errorRate;
    }

    public StringProperty tokens() {
        return tokens;
    }

    public StringProperty cost() {
        return cost;
    }

    public StringProperty p50() {
        return p50;
    }

    public StringProperty p95() {
        return p95;
    }

    public ObservableList<SeriesData> costSeries() {
        return costSeries;
    }

    public ObservableList<SeriesData> trafficSeries() {
        return trafficSeries;
    }

    public ObservableList<SeriesData> latencySeries() {
        return latencySeries;
    }

    public ObservableList<UsageGroup> rows() {
        return rows;
    }

    public ReadOnlyObjectProperty<UsageRange> shownRange() {
        return shownRange;
    }

    public StringProperty error() {
        return error;
    }

    public StringProperty message() {
        return message;
    }

    public ZoneId zone() {
        return zone;
    }
}
