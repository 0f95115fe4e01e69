package dev.switchboard.app.playground;

import dev.switchboard.app.common.UiTasks;
import dev.switchboard.app.common.UserMessages;
import dev.switchboard.gateway.trace.Trace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.collections.ObservableMap;

/**
 * The Playground: a source, N targets and (in matrix mode) test cases; runs every cell through the gateway with
 * bounded concurrency, shows results as they stream (coalesced by {@link #drain()}, which the view calls on a
 * timer), checks assertions, and saves each run as an experiment that can be reopened and compared.
 * FX thread only; streams and file I/O run elsewhere.
 */
public final class PlaygroundViewModel {
    /** The single test case of compare mode: the variables form. */
    static final String FORM_CASE = "form";
    static final int DEFAULT_CONCURRENCY = 4;
    private static final DateTimeFormatter NAME_TIME = DateTimeFormatter.ofPattern("MMM d HH:mm:ss", Locale.ROOT);

    /** Compare: one run of the form's variables across targets. Matrix: every test case across targets. */
    public enum Mode { COMPARE, MATRIX }

    private final RunScheduler scheduler;
    private final TargetCatalog catalog;
    private final SavedPrompts prompts;
    private final PlaygroundStore store;
    private final UiTasks tasks;
    private final Supplier<String> gateway;
    private final Clock clock;
    private final LongSupplier nanoTime;

    private final SourceViewModel source = new SourceViewModel();
    private final SourceRenderer renderer = new SourceRenderer();
    private final ObservableList<TargetDraft> targets = FXCollections.observableArrayList();
    private final ObservableList<TestCase> cases = FXCollections.observableArrayList();
    private final ObjectProperty<Mode> mode = new SimpleObjectProperty<>(Mode.COMPARE);
    private final IntegerProperty concurrency = new SimpleIntegerProperty(DEFAULT_CONCURRENCY);
    private final ObjectProperty<RunGrid> grid = new SimpleObjectProperty<>();
    private final BooleanProperty running = new SimpleBooleanProperty();
    private final DoubleProperty progress = new SimpleDoubleProperty();
    private final StringProperty message = new SimpleStringProperty();
    private final ObservableList<Experiment.Summary> experiments = FXCollections.observableArrayList();
    private final ObservableList<TargetSet> targetSets = FXCollections.observableArrayList();
    private final ObservableList<ExperimentComparison.CellChange> comparison = FXCollections.observableArrayList();
    private final StringProperty comparisonTitle = new SimpleStringProperty();
    private final ObservableMap<String, List<String>> models = FXCollections.observableHashMap();
    private final ObservableList<String> promptNames = FXCollections.observableArrayList();
    private final ObservableMap<String, String> virtualKeys = FXCollections.observableMap(new TreeMap<>());
    private ActiveRun run;
    private String lastDemoMock;

    public PlaygroundViewModel(ChatStreamer streamer, TargetCatalog catalog, SavedPrompts prompts,
                               CostCalculator costs, PlaygroundStore store, UiTasks tasks, Supplier<String> gateway,
                               Clock clock, LongSupplier nanoTime) {
        this.scheduler = new RunScheduler(streamer, costs, nanoTime);
        this.catalog = catalog;
        this.prompts = prompts;
        this.store = store;
        this.tasks = tasks;
        this.gateway = gateway;
        this.clock = clock;
        this.nanoTime = nanoTime;
        source.show("Ad-hoc messages", List.of(new Message("system", "You are a helpful assistant. Answer briefly."),
                new Message("user", "Explain {{topic}} to a new engineer in two sentences.")));
        source.fill(Map.of("topic", "rate limiting"));
        // Results belong to the targets they ran on: a column added or removed makes them stale.
        targets.addListener((ListChangeListener<TargetDraft>) change -> {
            if (!running.get()) {
                grid.set(null);
                run = null;
            }
        });
    }

    /** Loads saved experiments, target sets and the gateway's catalog; call when the page is first shown. */
    public void load() {
        refreshExperiments();
        loadCatalog();
        tasks.supply(store::targetSets).onSuccess(targetSets::setAll)
                .onError(e -> message.set("Cannot read saved target sets: " + UserMessages.of(e))).start();
    }

    // --- targets ---

    /** Reads the connected gateway's models and virtual keys (again, e.g. after the connection changed). */
    public void loadCatalog() {
        tasks.supply(catalog::models).onSuccess(models::putAll)
                .onError(e -> message.set("Cannot list the gateway's models: " + UserMessages.of(e))).start();
        tasks.supply(prompts::names).onSuccess(promptNames::setAll)
                .onError(e -> promptNames.clear()).start();
        tasks.supply(catalog::virtualKeys).onSuccess(keys -> {
            virtualKeys.clear();
            virtualKeys.putAll(keys);
        }).onError(e -> message.set("Cannot list virtual keys: " + UserMessages.of(e))).start();
    }

    /** Uses a stored virtual key for a target; its provider comes with it. Null goes back to no key. */
    public void chooseVirtualKey(TargetDraft target, String id) {
        target.virtualKey().set(id);
        if (id != null && virtualKeys.containsKey(id)) {
            target.provider().set(virtualKeys.get(id));
        }
    }

    public void addTarget() {
        // A copy of the last column is what users want most: the same provider with one setting changed.
        targets.add(targets.isEmpty() ? new TargetDraft(new Target("openai", "gpt-4o-mini", null, null, null, null))
                : targets.getLast().copy());
    }

    public void removeTarget(TargetDraft target) {
        targets.remove(target);
    }

    /**
     * Demo mode: targets on the built-in mock, so a comparison runs with no key at all. Only replaces no targets or
     * targets on an earlier demo's mock (which stopped with it); the user's own targets stay.
     */
    public void offerDemoTargets(String mockUrl) {
        boolean onOldMock = lastDemoMock != null && !targets.isEmpty() && targets.stream()
                .allMatch(t -> t.customHost().get() != null && t.customHost().get().startsWith(lastDemoMock));
        lastDemoMock = mockUrl;
        if (targets.isEmpty() || onOldMock) {
            targets.setAll(DemoTargets.on(mockUrl).stream().map(TargetDraft::new).toList());
        }
    }

    public void saveTargetSet(String name) {
        if (name == null || name.isBlank()) {
            message.set("Name the target set first");
            return;
        }
        List<Target> current;
        try {
            current = parsedTargets();
        } catch (IllegalArgumentException e) {
            message.set(e.getMessage());
            return;
        }
        TargetSet set = new TargetSet(name.strip(), current);
        tasks.supply(() -> store.saveTargetSet(set)).onSuccess(sets -> {
            targetSets.setAll(sets);
            message.set("Saved target set " + set.name());
        }).onError(e -> message.set("Cannot save the target set: " + UserMessages.of(e))).start();
    }

    public void applyTargetSet(TargetSet set) {
        targets.setAll(set.targets().stream().map(TargetDraft::new).toList());
    }

    // --- saved prompts ---

    /** Loads a saved prompt version (a number or a label) as the source. */
    public void loadPrompt(String name, String ref) {
        if (name == null || name.isBlank()) {
            message.set("Choose a saved prompt first");
            return;
        }
        tasks.supply(() -> prompts.load(name.strip(), ref)).onSuccess(loaded -> {
            source.show(loaded);
            message.set("Loaded " + loaded.name() + " v" + loaded.version() + ": runs render it through the "
                    + "gateway; set a prompt version on a target to compare versions");
        }).onError(e -> message.set("Cannot load " + name + ": " + UserMessages.of(e))).start();
    }

    // --- test cases ---

    /** Adds a typed-in case; a bad line is reported in {@link #message()} and nothing is added. */
    public boolean addCase(String name, String variablesText, String assertionsText) {
        try {
            cases.add(new TestCase(name == null || name.isBlank() ? "case " + (cases.size() + 1) : name,
                    TestCaseFiles.variables(variablesText), TestCaseFiles.assertions(assertionsText)));
            message.set(null);
            return true;
        } catch (IllegalArgumentException e) {
            message.set(e.getMessage());
            return false;
        }
    }

    /** Appends the cases of a CSV or JSONL file; read off the FX thread. */
    public void loadCases(Path file) {
        tasks.supply(() -> TestCaseFiles.parse(file.getFileName().toString(), Files.readString(file)))
                .onSuccess(loaded -> {
                    cases.addAll(loaded);
                    message.set("Loaded " + loaded.size() + " test cases from " + file.getFileName());
                })
                .onError(e -> message.set("Cannot load " + file.getFileName() + ": " + UserMessages.of(e))).start();
    }

    // --- running ---

    /** Starts a new run (a new experiment) of every case on every target. */
    public void run() {
        List<Target> runTargets;
        List<TestCase> runCases = mode.get() == Mode.COMPARE
                ? List.of(new TestCase(FORM_CASE, source.filledValues(), List.of())) : List.copyOf(cases);
        try {
            runTargets = parsedTargets();
            if (runCases.isEmpty()) {
                throw new IllegalArgumentException("Add a test case first (or load a CSV / JSONL file)");
            }
        } catch (IllegalArgumentException e) {
            message.set(e.getMessage());
            return;
        }
        Instant now = clock.instant();
        String name = (mode.get() == Mode.COMPARE ? "Compare " + runTargets.size() + " targets"
                : "Matrix " + runCases.size() + " cases × " + runTargets.size() + " targets") + " · "
                + NAME_TIME.format(now.atZone(ZoneId.systemDefault()));
        ActiveRun next = new ActiveRun(newId(now), name, now, source.snapshot(), runTargets, runCases, null);
        int limit = mode.get() == Mode.COMPARE ? runTargets.size() : concurrency.get();
        List<int[]> all = new ArrayList<>();
        for (int row = 0; row < runCases.size(); row++) {
            for (int col = 0; col < runTargets.size(); col++) {
                all.add(new int[] {row, col});
            }
        }
        message.set(null);
        comparison.clear();
        render(next, all, () -> {
            scheduler.cancelAll();
            run = next;
            grid.set(next.grid);
            scheduler.limit(limit);
        });
    }

    public void cancelAll() {
        scheduler.cancelAll();
        drain();
    }

    /** Cancels one target's calls. */
    public void cancelColumn(int col) {
        if (run != null && col < run.targets.size()) {
            run.column(col).forEach(scheduler::cancel);
            drain();
        }
    }

    public void cancelCell(int row, int col) {
        if (run != null && row < run.cases.size() && col < run.targets.size()) {
            scheduler.cancel(run.cells[row][col]);
            drain();
        }
    }

    /** Runs one target's column again, with the target as it is now edited. */
    public void rerunColumn(int col) {
        if (run == null || col >= run.targets.size() || col >= targets.size()) {
            return;
        }
        Target edited;
        try {
            edited = targets.get(col).toTarget(col + 1);
        } catch (IllegalArgumentException e) {
            message.set(e.getMessage());
            return;
        }
        ActiveRun current = run;
        current.targets.set(col, edited);
        List<int[]> column = new ArrayList<>();
        for (int row = 0; row < current.cases.size(); row++) {
            column.add(new int[] {row, col});
        }
        render(current, column, () -> { });
    }

    public void rerunCell(int row, int col) {
        if (run != null && row < run.cases.size() && col < run.targets.size()) {
            render(run, List.of(new int[] {row, col}), () -> { });
        }
    }

    /**
     * Moves what the streams produced since the last call into the grid: one update per changed cell, however
     * many tokens arrived. When the last cell finishes, the experiment is saved.
     */
    public void drain() {
        if (run == null) {
            return;
        }
        boolean[] touched = new boolean[run.targets.size()];
        for (LiveCell[] line : run.cells) {
            for (LiveCell cell : line) {
                CellResult changed = cell.takeChanged();
                if (changed != null) {
                    run.grid.set(cell.row(), cell.column(), changed);
                    touched[cell.column()] = true;
                }
            }
        }
        for (int col = 0; col < touched.length; col++) {
            if (touched[col]) {
                run.grid.summarise(col);
            }
        }
        progress.set(run.grid.progress());
        boolean finished = progress.get() >= 1;
        running.set(!finished);
        if (finished && !run.saved) {
            run.saved = true;
            save(run.toExperiment(gateway.get()));
        }
    }

    // --- experiments ---

    public void refreshExperiments() {
        tasks.supply(store::list).onSuccess(experiments::setAll)
                .onError(e -> message.set("Cannot list experiments: " + UserMessages.of(e))).start();
    }

    /** Shows a saved experiment: its source, targets, cases and results; cells can be re-run from there. */
    public void open(Experiment.Summary summary) {
        tasks.supply(() -> store.load(summary.id())).onSuccess(this::show)
                .onError(e -> message.set("Cannot open " + summary.name() + ": " + UserMessages.of(e))).start();
    }

    /** Compares two saved experiments cell by cell into {@link #comparison()}. */
    public void compare(Experiment.Summary before, Experiment.Summary after) {
        if (before == null || after == null || before.id().equals(after.id())) {
            message.set("Choose two different experiments to compare");
            return;
        }
        tasks.supply(() -> ExperimentComparison.compare(store.load(before.id()), store.load(after.id())))
                .onSuccess(changes -> {
                    comparison.setAll(changes);
                    comparisonTitle.set(before.name() + "  →  " + after.name());
                })
                .onError(e -> message.set("Cannot compare: " + UserMessages.of(e))).start();
    }

    /** Opens a traced chat call as the source, with its target as the first column. */
    public void openTrace(Trace trace) {
        TraceSource opened;
        try {
            opened = TraceSource.of(trace);
        } catch (IllegalArgumentException e) {
            message.set(e.getMessage());
            return;
        }
        mode.set(Mode.COMPARE);
        source.show(opened.origin(), opened.messages());
        List<TargetDraft> kept = new ArrayList<>(targets);
        kept.addFirst(new TargetDraft(opened.target()));
        targets.setAll(kept);
        message.set("Opened " + opened.origin() + ": run it again, or add targets to compare");
    }

    private void show(Experiment experiment) {
        scheduler.cancelAll();
        Experiment.Source saved = experiment.source();
        if (saved.promptName() != null && saved.promptVersion() != null) {
            source.show(new SavedPrompts.Loaded(saved.promptName(), saved.promptVersion(), saved.messages()));
        } else {
            source.show(saved.origin(), saved.messages());
        }
        boolean matrix = experiment.cases().size() != 1 || !FORM_CASE.equals(experiment.cases().getFirst().name());
        mode.set(matrix ? Mode.MATRIX : Mode.COMPARE);
        if (!matrix) {
            source.fill(experiment.cases().getFirst().variables());
        } else {
            cases.setAll(experiment.cases());
        }
        targets.setAll(experiment.targets().stream().map(TargetDraft::new).toList());
        run = new ActiveRun(experiment.id(), experiment.name(), experiment.createdAt(), experiment.source(),
                experiment.targets(), experiment.cases(), experiment.results());
        run.saved = true;
        grid.set(run.grid);
        progress.set(run.grid.progress());
        message.set("Opened " + experiment.name() + " (" + experiment.gateway() + ")");
    }

    private void save(Experiment experiment) {
        tasks.run(() -> store.save(experiment)).onSuccess(ignored -> refreshExperiments())
                .onError(e -> message.set("Cannot save the experiment: " + UserMessages.of(e))).start();
    }

    /**
     * Renders the cells' messages off the FX thread (a saved prompt renders through the gateway), then shows the
     * run and starts the cells. A render that fails (a missing variable…) starts nothing and says why.
     */
    private void render(ActiveRun target, List<int[]> cells, Runnable show) {
        tasks.supply(() -> {
            List<RunScheduler.Job> jobs = new ArrayList<>();
            for (int[] cell : cells) {
                jobs.add(job(target, cell[0], cell[1]));
            }
            return jobs;
        }).onSuccess(jobs -> {
            show.run();
            if (run == target) {
                target.saved = false;
                running.set(true);
                scheduler.submit(jobs);
                drain();
            }
        }).onError(e -> message.set(UserMessages.of(e))).start();
    }

    /** One cell's call: the case's variables rendered into the source (or the column's prompt version). */
    private RunScheduler.Job job(ActiveRun target, int row, int col) {
        TestCase testCase = target.cases.get(row);
        Target column = target.targets.get(col);
        Experiment.Source src = target.source;
        Integer version = column.promptVersion() != null ? column.promptVersion() : src.promptVersion();
        SavedPrompts.Rendered rendered;
        if (version != null && src.promptName() != null) {
            rendered = prompts.render(src.promptName(), version, testCase.variables());
        } else if (column.promptVersion() != null) {
            throw new IllegalArgumentException("Target " + (col + 1) + ": a prompt version needs a saved prompt as "
                    + "the source");
        } else {
            rendered = new SavedPrompts.Rendered(renderer.render(src.messages(), testCase.variables()), Map.of());
        }
        return new RunScheduler.Job(target.cells[row][col], new ChatStreamer.Request(column, rendered.messages(),
                Map.of("source", "playground", "experiment_id", target.id), rendered.settings()),
                testCase.parsedAssertions());
    }

    private List<Target> parsedTargets() {
        if (targets.isEmpty()) {
            throw new IllegalArgumentException("Add a target first");
        }
        List<Target> parsed = new ArrayList<>();
        for (int i = 0; i < targets.size(); i++) {
            parsed.add(targets.get(i).toTarget(i + 1));
        }
        return parsed;
    }

    private static String newId(Instant now) {
        return "exp-" + now.toEpochMilli() + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** The run on screen: what it sends, its live cells and the grid they drain into. */
    private static final class ActiveRun {
        final String id;
        final String name;
        final Instant createdAt;
        final Experiment.Source source;
        final List<Target> targets;
        final List<TestCase> cases;
        final LiveCell[][] cells;
        final RunGrid grid;
        boolean saved;

        ActiveRun(String id, String name, Instant createdAt, Experiment.Source source, List<Target> targets,
                  List<TestCase> cases, List<List<CellResult>> saved) {
            this.id = id;
            this.name = name;
            this.createdAt = createdAt;
            this.source = source;
            this.targets = new ArrayList<>(targets);
            this.cases = List.copyOf(cases);
            this.cells = new LiveCell[cases.size()][targets.size()];
            this.grid = new RunGrid(cases.stream().map(TestCase::name).toList(),
                    targets.stream().map(Target::label).toList());
            for (int row = 0; row < cases.size(); row++) {
                for (int col = 0; col < targets.size(); col++) {
                    cells[row][col] = saved == null ? new LiveCell(row, col)
                            : new LiveCell(row, col, saved.get(row).get(col));
                    grid.set(row, col, cells[row][col].snapshot());
                }
            }
            for (int col = 0; col < targets.size(); col++) {
                grid.summarise(col);
            }
        }

        List<LiveCell> column(int col) {
            List<LiveCell> column = new ArrayList<>();
            for (LiveCell[] line : cells) {
                column.add(line[col]);
            }
            return column;
        }

        Experiment toExperiment(String gatewayName) {
            return new Experiment(id, name, createdAt, gatewayName, source, targets, cases, grid.results());
        }
    }

    public SourceViewModel source() {
        return source;
    }

    public ObservableList<TargetDraft> targets() {
        return targets;
    }

    public ObservableList<TestCase> cases() {
        return cases;
    }

    public ObjectProperty<Mode> mode() {
        return mode;
    }

    /** How many matrix cells run at once. */
    public IntegerProperty concurrency() {
        return concurrency;
    }

    public ReadOnlyObjectProperty<RunGrid> grid() {
        return grid;
    }

    public ReadOnlyBooleanProperty running() {
        return running;
    }

    public ReadOnlyDoubleProperty progress() {
        return progress;
    }

    /** Feedback for the last action (a readable error, "saved"…), or null. */
    public StringProperty message() {
        return message;
    }

    public ObservableList<Experiment.Summary> experiments() {
        return experiments;
    }

    public ObservableList<TargetSet> targetSets() {
        return targetSets;
    }

    public ObservableList<ExperimentComparison.CellChange> comparison() {
        return comparison;
    }

    /** Model names by provider, from the gateway. */
    public ObservableMap<String, List<String>> models() {
        return models;
    }

    /** The connected gateway's saved prompts, by name. */
    public ObservableList<String> promptNames() {
        return promptNames;
    }

    /** Virtual key id to provider. */
    public ObservableMap<String, String> virtualKeys() {
        return virtualKeys;
    }

    public StringProperty comparisonTitle() {
        return comparisonTitle;
    }
}
