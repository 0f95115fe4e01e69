package dev.switchboard.app.traces;

import atlantafx.base.theme.Styles;
import dev.switchboard.app.common.Formats;
import dev.switchboard.app.common.Icons;
import dev.switchboard.app.common.Layouts;
import dev.switchboard.app.common.TimeRange;
import dev.switchboard.gateway.trace.Trace;
import java.io.File;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Predicate;
import javafx.animation.KeyFrame;
import javafx.animation.PauseTransition;
import javafx.animation.Timeline;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableStringValue;
import javafx.beans.value.ObservableValue;
import javafx.collections.transformation.SortedList;
import javafx.css.PseudoClass;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.util.Duration;
import org.kordamp.ikonli.feather.Feather;

/** The Traces page: filters, the live table, and the detail pane of the selected trace. */
public final class TracesView extends BorderPane {
    /** How often queued live traces are moved into the table. */
    static final Duration DRAIN_EVERY = Duration.millis(100);
    private static final Duration FILTER_DEBOUNCE = Duration.millis(300);
    private static final double ROW_HEIGHT = 28;

    private final TracesViewModel vm;
    private final TraceDetailViewModel detail;
    private final TableView<Trace> table = new TableView<>();
    private final ZoneId zone = ZoneId.systemDefault();

    public TracesView(TracesViewModel vm, TraceDetailViewModel detail, ObservableStringValue baseUrl,
                      Runnable startDemo) {
        this.vm = vm;
        this.detail = detail;
        setId("tracesView");
        getStyleClass().add(dev.switchboard.app.common.Styles.PAGE);
        setTop(filters());
        StackPane center = new StackPane();
        var nothingYet = Bindings.createBooleanBinding(() -> vm.totalCount().get() == 0 && vm.client().get() != null,
                vm.totalCount(), vm.client());
        addTracesOnceConnected(center, nothingYet);
        addEmptyStateWhenNeeded(center, nothingYet, baseUrl, startDemo);
        setCenter(center);
        setBottom(footer());

        Timeline drain = new Timeline(new KeyFrame(DRAIN_EVERY, e -> vm.drainLive()));
        drain.setCycleCount(Timeline.INDEFINITE);
        drain.play();
    }

    /**
     * Adds the table and the detail pane once there is a gateway to read traces from. Until then (the embedded
     * gateway starts after the first window is drawn) the page says what it waits for, and the first window is
     * drawn sooner without the table and detail pane (about 170 nodes) to style.
     */
    private void addTracesOnceConnected(StackPane center, BooleanBinding nothingYet) {
        Label waiting = new Label("Waiting for the gateway…");
        waiting.setId("tracesWaiting");
        waiting.getStyleClass().add(Styles.TEXT_MUTED);
        center.getChildren().add(waiting);
        whenFirst(vm.client(), Objects::nonNull, () -> {
            SplitPane split = new SplitPane(buildTable(), new TraceDetailView(detail));
            split.setId("traceSplit");
            split.setDividerPositions(0.64);
            split.visibleProperty().bind(nothingYet.not());
            center.getChildren().remove(waiting);
            center.getChildren().add(0, split);
        });
    }

    /**
     * Adds the getting-started view the first time there is nothing to show, not before: it is a tab pane of text
     * areas that the first window would otherwise style and lay out, although most starts find traces to show.
     */
    private static void addEmptyStateWhenNeeded(StackPane center, BooleanBinding nothingYet,
                                                ObservableStringValue baseUrl, Runnable startDemo) {
        whenFirst(nothingYet, Boolean::booleanValue, () -> {
            GettingStartedView view = new GettingStartedView(baseUrl, startDemo);
            StackPane.setAlignment(view, Pos.TOP_CENTER);
            StackPane.setMargin(view, new Insets(32));
            view.visibleProperty().bind(nothingYet);
            center.getChildren().add(view);
        });
    }

    /** Runs {@code action} once: now if {@code value} already passes {@code test}, else the first time it does. */
    private static <T> void whenFirst(ObservableValue<T> value, Predicate<T> test, Runnable action) {
        if (test.test(value.getValue())) {
            action.run();
            return;
        }
        value.addListener(new ChangeListener<T>() {
            @Override
            public void changed(ObservableValue<? extends T> obs, T was, T now) {
                if (test.test(now)) {
                    value.removeListener(this);
                    action.run();
                }
            }
        });
    }

    private VBox filters() {
        TraceFilterForm f = vm.filters();
        TextField text = field("filterText", "Search bodies, ids, models, errors…", f.text());
        text.setPrefColumnCount(24);
        HBox.setHgrow(text, Priority.ALWAYS);
        ChoiceBox<StatusFilter> status = new ChoiceBox<>();
        status.getItems().setAll(StatusFilter.values());
        status.setId("filterStatus");
        status.valueProperty().bindBidirectional(f.status());
        ComboBox<String> provider = combo("filterProvider", "Provider", vm.providers());
        provider.valueProperty().bindBidirectional(f.provider());
        ComboBox<String> model = combo("filterModel", "Model", vm.models());
        model.valueProperty().bindBidirectional(f.model());
        ChoiceBox<TimeRange> range = new ChoiceBox<>();
        range.getItems().setAll(TimeRange.ANY, TimeRange.LAST_15_MINUTES, TimeRange.LAST_HOUR,
                TimeRange.LAST_24_HOURS, TimeRange.LAST_7_DAYS, TimeRange.LAST_30_DAYS);
        range.setId("filterRange");
        range.valueProperty().bindBidirectional(f.range());

        TextField prompt = field("filterPrompt", "Prompt", f.prompt());
        TextField metadata = field("filterMetadata", "Metadata key=value", f.metadata());
        metadata.setPrefColumnCount(14);
        TextField minDuration = field("filterMinDuration", "Min ms", f.minDurationMs());
        minDuration.setPrefColumnCount(6);
        TextField minCost = field("filterMinCost", "Min $", f.minCostUsd());
        minCost.setPrefColumnCount(6);
        Button clear = Icons.button("clearFilters", "Clear", Feather.X);
        clear.getStyleClass().add(Styles.FLAT);
        clear.setOnAction(e -> f.clear());
        Label count = new Label();
        count.setId("matchCount");
        count.textProperty().bind(vm.countText());
        Label error = new Label();
        error.setId("filterError");
        error.getStyleClass().add(dev.switchboard.app.common.Styles.ERROR_TEXT);
        error.textProperty().bind(vm.filterError());
        error.visibleProperty().bind(vm.filterError().isNotNull());
        error.managedProperty().bind(error.visibleProperty());

        PauseTransition debounce = new PauseTransition(FILTER_DEBOUNCE);
        debounce.setOnFinished(e -> vm.applyFilters());
        for (var input : f.inputs()) {
            input.addListener(o -> debounce.playFromStart());
        }
        text.setOnAction(e -> {
            debounce.stop();
            vm.applyFilters();
        });

        HBox first = new HBox(8, text, status, provider, model, range);
        HBox second = new HBox(8, prompt, metadata, minDuration, minCost, clear, Layouts.hspacer(), count);
        first.setAlignment(Pos.CENTER_LEFT);
        second.setAlignment(Pos.CENTER_LEFT);
        VBox box = new VBox(8, first, second, error);
        box.getStyleClass().add(dev.switchboard.app.common.Styles.TOOLBAR);
        box.setPadding(new Insets(12));
        return box;
    }

    private static TextField field(String id, String prompt, javafx.beans.property.StringProperty value) {
        TextField field = new TextField();
        field.setId(id);
        field.setPromptText(prompt);
        field.textProperty().bindBidirectional(value);
        return field;
    }

    private static ComboBox<String> combo(String id, String prompt, javafx.collections.ObservableList<String> items) {
        ComboBox<String> combo = new ComboBox<>(items);
        combo.setId(id);
        combo.setEditable(true);
        combo.setPromptText(prompt);
        combo.setPrefWidth(170);
        return combo;
    }

    private TableView<Trace> buildTable() {
        table.setId("traceTable");
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        table.getStyleClass().addAll(Styles.DENSE, Styles.STRIPED);
        table.setPlaceholder(new Label("No traces match these filters"));
        // A fixed row height spares the virtual flow measuring every reused cell on each live update.
        table.setFixedCellSize(ROW_HEIGHT);
        SortedList<Trace> sorted = new SortedList<>(vm.rows());
        // Newest start first unless the user sorts by a column: live rows arrive in the order calls finish.
        Comparator<Trace> newestFirst = Comparator.comparing(Trace::startedAt).thenComparing(Trace::id).reversed();
        sorted.comparatorProperty().bind(Bindings.when(table.comparatorProperty().isNull()).then(newestFirst)
                .otherwise(table.comparatorProperty()));
        table.setItems(sorted);

        TableColumn<Trace, Instant> time = column("Time", "colTime", 118, Trace::startedAt,
                i -> Formats.time(i, zone));
        TableColumn<Trace, Integer> status = column("Status", "colStatus", 70, Trace::status, String::valueOf);
        status.setCellFactory(c -> new StatusCell());
        table.getColumns().addAll(List.of(time, status,
                column("Provider", "colProvider", 84, Trace::provider, s -> s),
                column("Model", "colModel", 190, Trace::model, s -> s),
                column("Prompt", "colPrompt", 76, TracesView::prompt, s -> s),
                column("Duration", "colDuration", 92, Trace::durationMs, Formats::millis),
                column("TTFT", "colTtft", 80, Trace::ttftMs, Formats::millis),
                column("Tokens in/out", "colTokens", 104, TracesView::totalTokens, TracesView::tokens),
                column("Cost", "colCost", 86, Trace::costUsd, Formats::usd),
                column("Trace id", "colId", 250, Trace::id, s -> s)));
        table.getSelectionModel().selectedItemProperty().addListener((obs, old, trace) ->
                detail.show(trace == null ? null : trace.id()));
        return table;
    }

    private static String prompt(Trace t) {
        return t.promptName() == null ? null : t.promptName() + (t.promptVersion() == null ? "" : " v" + t.promptVersion());
    }

    /** Sorts by total tokens, shows "in / out". */
    private record TokenCount(Integer in, Integer out) implements Comparable<TokenCount> {
        long total() {
            return (in == null ? 0 : in) + (long) (out == null ? 0 : out);
        }

        @Override
        public int compareTo(TokenCount other) {
            return Long.compare(total(), other.total());
        }
    }

    private static TokenCount totalTokens(Trace t) {
        return new TokenCount(t.inputTokens(), t.outputTokens());
    }

    private static String tokens(TokenCount n) {
        return n.in() == null && n.out() == null ? Formats.NONE
                : Formats.count(n.in()) + " / " + Formats.count(n.out());
    }

    private static <T> TableColumn<Trace, T> column(String title, String id, double width, Function<Trace, T> value,
                                                    Function<T, String> format) {
        TableColumn<Trace, T> column = new TableColumn<>(title);
        column.setId(id);
        column.setPrefWidth(width);
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

    /**
     * The HTTP status, green when the call succeeded and red when it failed. A pseudo-class, not a style class:
     * cells are reused for new rows ten times a second, and changing style classes re-matches all CSS.
     */
    private static final class StatusCell extends TableCell<Trace, Integer> {
        private static final PseudoClass FAILED = PseudoClass.getPseudoClass("failed");

        StatusCell() {
            getStyleClass().add(dev.switchboard.app.common.Styles.STATUS_CELL);
        }

        @Override
        protected void updateItem(Integer status, boolean empty) {
            super.updateItem(status, empty);
            if (empty || status == null) {
                setText(null);
                pseudoClassStateChanged(FAILED, false);
                return;
            }
            setText(String.valueOf(status));
            Trace trace = getTableRow() == null ? null : getTableRow().getItem();
            pseudoClassStateChanged(FAILED, trace != null ? !trace.ok() : status >= 400);
        }
    }

    private HBox footer() {
        Button pause = new Button();
        pause.setId("pauseLive");
        pause.textProperty().bind(Bindings.createStringBinding(() -> vm.paused().get()
                ? (vm.newWhilePaused().get() > 0 ? "Resume (" + vm.newWhilePaused().get() + " new)" : "Resume live")
                : "Pause live", vm.paused(), vm.newWhilePaused()));
        pause.graphicProperty().bind(Bindings.createObjectBinding(() -> Icons.icon(vm.paused().get()
                ? Feather.PLAY : Feather.PAUSE), vm.paused()));
        pause.setOnAction(e -> vm.togglePaused());
        Button older = Icons.button("loadOlder", "Load older", Feather.CHEVRONS_DOWN);
        older.disableProperty().bind(vm.hasOlder().not().or(vm.loading()));
        older.setOnAction(e -> vm.loadOlder());
        MenuButton export = new MenuButton("Export selected", Icons.icon(Feather.DOWNLOAD));
        export.setId("exportSelected");
        MenuItem json = new MenuItem("As JSON (with bodies)");
        json.setId("exportJson");
        json.setOnAction(e -> export(TraceExport.Format.JSON));
        MenuItem csv = new MenuItem("As CSV");
        csv.setId("exportCsv");
        csv.setOnAction(e -> export(TraceExport.Format.CSV));
        export.getItems().addAll(json, csv);
        export.disableProperty().bind(Bindings.isEmpty(table.getSelectionModel().getSelectedItems()));
        ProgressIndicator busy = new ProgressIndicator();
        busy.setPrefSize(18, 18);
        busy.visibleProperty().bind(vm.loading());
        Label error = new Label();
        error.setId("loadError");
        error.getStyleClass().add(dev.switchboard.app.common.Styles.ERROR_TEXT);
        error.textProperty().bind(vm.loadError());
        HBox bar = new HBox(8, pause, older, export, Layouts.hspacer(), error, busy);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(8, 12, 8, 12));
        return bar;
    }

    private void export(TraceExport.Format format) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export traces");
        chooser.setInitialFileName("traces." + format.extension());
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(format.name(), "*." + format.extension()));
        File file = chooser.showSaveDialog(getScene().getWindow());
        if (file != null) {
            exportTo(format, file.toPath());
        }
    }

    /** Exports the selected rows to {@code file}; separate from the dialog so tests can drive it. */
    void exportTo(TraceExport.Format format, java.nio.file.Path file) {
        detail.export(table.getSelectionModel().getSelectedItems().stream().map(Trace::id).toList(), format, file);
    }
}
