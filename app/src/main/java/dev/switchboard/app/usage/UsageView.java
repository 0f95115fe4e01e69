package dev.switchboard.app.usage;

import dev.switchboard.app.common.Formats;
import dev.switchboard.app.common.Icons;
import dev.switchboard.app.common.Layouts;
import dev.switchboard.app.common.StatCard;
import dev.switchboard.app.common.Styles;
import dev.switchboard.app.common.TimeRange;
import dev.switchboard.gateway.trace.UsageGroup;
import java.io.File;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import javafx.animation.KeyFrame;
import javafx.animation.PauseTransition;
import javafx.animation.Timeline;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.StackedBarChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import org.kordamp.ikonli.feather.Feather;

/** The Usage page: where the money goes over a time range, and who spends it. */
public final class UsageView extends ScrollPane {
    /** Relative ranges ("last hour") move with the clock; refresh them while the page is showing. */
    static final javafx.util.Duration AUTO_REFRESH = javafx.util.Duration.seconds(10);

    private final UsageViewModel vm;

    public UsageView(UsageViewModel vm) {
        this.vm = vm;
        setId("usageView");
        setFitToWidth(true);
        getStyleClass().add(Styles.PAGE);
        VBox page = new VBox(16, toolbar(), cards(), charts(), breakdown());
        page.setPadding(new Insets(16));
        setContent(page);

        Timeline auto = new Timeline(new KeyFrame(AUTO_REFRESH, e -> {
            if (isVisible() && vm.range().get() != TimeRange.CUSTOM) {
                vm.refresh();
            }
        }));
        auto.setCycleCount(Timeline.INDEFINITE);
        auto.play();
        visibleProperty().addListener((obs, old, visible) -> {
            if (visible) {
                vm.refresh();
            }
        });
        // Built on first show: the model reads nothing before.
        vm.pageShown();
    }

    private VBox toolbar() {
        Label title = new Label("Usage");
        title.getStyleClass().add(Styles.PAGE_TITLE);
        ChoiceBox<TimeRange> range = new ChoiceBox<>();
        range.setId("usageRange");
        range.getItems().setAll(TimeRange.LAST_HOUR, TimeRange.LAST_24_HOURS, TimeRange.LAST_7_DAYS,
                TimeRange.LAST_30_DAYS, TimeRange.CUSTOM);
        range.valueProperty().bindBidirectional(vm.range());
        DatePicker from = new DatePicker();
        from.setId("customFrom");
        from.setPromptText("From");
        from.valueProperty().bindBidirectional(vm.customFrom());
        DatePicker to = new DatePicker();
        to.setId("customTo");
        to.setPromptText("To");
        to.valueProperty().bindBidirectional(vm.customTo());
        for (DatePicker picker : List.of(from, to)) {
            picker.setPrefWidth(140);
            picker.visibleProperty().bind(vm.range().isEqualTo(TimeRange.CUSTOM));
            picker.managedProperty().bind(picker.visibleProperty());
        }
        ChoiceBox<UsageViewModel.ChartGrouping> grouping = new ChoiceBox<>();
        grouping.setId("chartGrouping");
        grouping.getItems().setAll(UsageViewModel.ChartGrouping.values());
        grouping.valueProperty().bindBidirectional(vm.chartGrouping());
        Button refresh = Icons.button("refreshUsage", "Refresh", Feather.REFRESH_CW);
        refresh.setOnAction(e -> vm.refresh());
        for (var input : List.of(vm.range(), vm.customFrom(), vm.customTo(), vm.chartGrouping())) {
            input.addListener(o -> vm.refresh());
        }
        HBox bar = new HBox(8, title, Layouts.hspacer(), range, from, to, grouping, refresh);
        bar.setAlignment(Pos.CENTER_LEFT);
        Label error = new Label();
        error.setId("usageError");
        error.getStyleClass().add(Styles.ERROR_TEXT);
        error.textProperty().bind(vm.error());
        error.visibleProperty().bind(vm.error().isNotNull());
        error.managedProperty().bind(error.visibleProperty());
        return new VBox(6, bar, error);
    }

    private FlowPane cards() {
        FlowPane cards = new FlowPane(12, 12,
                new StatCard("totalRequests", "Requests", vm.requests()),
                new StatCard("totalErrorRate", "Error rate", vm.errorRate()),
                new StatCard("totalTokens", "Tokens", vm.tokens()),
                new StatCard("totalCost", "Cost", vm.cost()),
                new StatCard("totalP50", "p50 latency", vm.p50()),
                new StatCard("totalP95", "p95 latency", vm.p95()));
        cards.setId("usageTotals");
        return cards;
    }

    private GridPane charts() {
        StackedBarChart<String, Number> cost = new StackedBarChart<>(new CategoryAxis(), axis("USD"));
        cost.setId("costChart");
        cost.setTitle("Cost over time");
        LineChart<String, Number> traffic = new LineChart<>(new CategoryAxis(), axis("requests"));
        traffic.setId("trafficChart");
        traffic.setTitle("Requests and errors");
        LineChart<String, Number> latency = new LineChart<>(new CategoryAxis(), axis("ms"));
        latency.setId("latencyChart");
        latency.setTitle("Latency percentiles");
        for (XYChart<String, Number> chart : List.of(cost, traffic, latency)) {
            chart.setAnimated(false);
            chart.setPrefHeight(260);
            chart.setMinHeight(220);
        }
        cost.setCategoryGap(1);
        traffic.setCreateSymbols(false);
        latency.setCreateSymbols(false);
        bind(cost.getData(), vm.costSeries());
        bind(traffic.getData(), vm.trafficSeries());
        bind(latency.getData(), vm.latencySeries());

        GridPane grid = new GridPane();
        grid.setHgap(12);
        grid.setVgap(12);
        grid.add(cost, 0, 0, 2, 1);
        grid.add(traffic, 0, 1);
        grid.add(latency, 1, 1);
        var half = new javafx.scene.layout.ColumnConstraints();
        half.setPercentWidth(50);
        half.setHgrow(Priority.ALWAYS);
        grid.getColumnConstraints().addAll(half, half);
        return grid;
    }

    private static NumberAxis axis(String label) {
        NumberAxis axis = new NumberAxis();
        axis.setLabel(label);
        axis.setForceZeroInRange(true);
        return axis;
    }

    /** Mirrors {@code source} into the chart, starting with what it holds now (the page is built lazily). */
    private void bind(ObservableList<XYChart.Series<String, Number>> target, ObservableList<SeriesData> source) {
        Runnable copy = () -> {
            UsageRange range = vm.shownRange().get();
            Function<Instant, String> label = labeler(range == null ? Duration.ofHours(1) : range.bucket(),
                    range == null ? Duration.ZERO : Duration.between(range.from(), range.to()));
            target.setAll(source.stream().map(s -> {
                XYChart.Series<String, Number> series = new XYChart.Series<>();
                series.setName(s.name());
                s.points().forEach(p -> series.getData().add(new XYChart.Data<>(label.apply(p.start()), p.value())));
                return series;
            }).toList());
        };
        source.addListener((ListChangeListener<SeriesData>) change -> copy.run());
        copy.run();
    }

    /**
     * Bucket labels. They must be unique (a category axis merges equal ones), so a range of a day or more that
     * would repeat a time of day carries the weekday or date too.
     */
    private Function<Instant, String> labeler(Duration bucket, Duration span) {
        DateTimeFormatter format = bucket.compareTo(Duration.ofDays(1)) >= 0
                ? DateTimeFormatter.ofPattern("MMM d", Locale.ROOT)
                : span.compareTo(Duration.ofDays(1)) > 0 ? DateTimeFormatter.ofPattern("MMM d HH:mm", Locale.ROOT)
                : span.compareTo(Duration.ofDays(1)) == 0 ? DateTimeFormatter.ofPattern("EEE HH:mm", Locale.ROOT)
                : DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT);
        return instant -> format.format(instant.atZone(vm.zone()));
    }

    private VBox breakdown() {
        Label title = new Label("Breakdown");
        title.getStyleClass().add(Styles.SECTION_TITLE);
        ChoiceBox<Breakdown> by = new ChoiceBox<>();
        by.setId("breakdownBy");
        by.getItems().setAll(Breakdown.values());
        by.valueProperty().bindBidirectional(vm.breakdown());
        TextField key = new TextField();
        key.setId("metadataKey");
        key.setPromptText("key, e.g. use_case");
        key.textProperty().bindBidirectional(vm.metadataKey());
        key.visibleProperty().bind(vm.breakdown().isEqualTo(Breakdown.METADATA));
        key.managedProperty().bind(key.visibleProperty());
        PauseTransition debounce = new PauseTransition(javafx.util.Duration.millis(400));
        debounce.setOnFinished(e -> vm.refresh());
        vm.metadataKey().addListener(o -> debounce.playFromStart());
        vm.breakdown().addListener(o -> {
            if (vm.breakdown().get() != Breakdown.METADATA || !vm.metadataKey().get().isBlank()) {
                vm.refresh();
            }
        });
        Button export = Icons.button("exportBreakdown", "Export CSV", Feather.DOWNLOAD);
        export.setOnAction(e -> {
            FileChooser chooser = new FileChooser();
            chooser.setInitialFileName("usage-by-" + vm.breakdown().get().name().toLowerCase(Locale.ROOT) + ".csv");
            File file = chooser.showSaveDialog(getScene().getWindow());
            if (file != null) {
                vm.exportBreakdown(file.toPath());
            }
        });
        Label message = new Label();
        message.setId("usageMessage");
        message.getStyleClass().add(Styles.MUTED);
        message.textProperty().bind(vm.message());
        HBox bar = new HBox(8, title, Layouts.hspacer(), message, by, key, export);
        bar.setAlignment(Pos.CENTER_LEFT);
        return new VBox(8, bar, table());
    }

    private TableView<UsageGroup> table() {
        TableView<UsageGroup> table = new TableView<>(vm.rows());
        table.setId("breakdownTable");
        table.getStyleClass().addAll(atlantafx.base.theme.Styles.DENSE, atlantafx.base.theme.Styles.STRIPED);
        table.setPrefHeight(300);
        table.setPlaceholder(new Label("No traffic in this range"));
        table.getColumns().addAll(List.of(
                column("Key", "colKey", g -> g.key() == null ? "(none)" : g.key(), s -> s),
                column("Requests", "colRequests", UsageGroup::requests, Formats::count),
                column("Errors", "colErrors", UsageGroup::errors, Formats::count),
                column("Error rate", "colErrorRate", g -> g.requests() == 0 ? 0.0 : (double) g.errors() / g.requests(),
                        Formats::percent),
                column("Input tokens", "colInput", UsageGroup::inputTokens, Formats::count),
                column("Output tokens", "colOutput", UsageGroup::outputTokens, Formats::count),
                column("Cost", "colCost", UsageGroup::costUsd, Formats::usd),
                column("Share of cost", "colShare", vm::costShare, Formats::percent),
                column("p50", "colP50", UsageGroup::p50Ms, Formats::millis),
                column("p95", "colP95", UsageGroup::p95Ms, Formats::millis)));
        table.getColumns().forEach(c -> c.setPrefWidth(96));
        table.getColumns().getFirst().setPrefWidth(260);
        return table;
    }

    private static <T> TableColumn<UsageGroup, T> column(String title, String id, Function<UsageGroup, T> value,
                                                         Function<T, String> format) {
        TableColumn<UsageGroup, T> column = new TableColumn<>(title);
        column.setId(id);
        column.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(value.apply(c.getValue())));
        column.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(T item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item == null ? Formats.NONE : format.apply(item));
            }
        });
        return column;
    }
}
