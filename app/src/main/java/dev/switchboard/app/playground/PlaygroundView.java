package dev.switchboard.app.playground;

import dev.switchboard.app.common.Icons;
import dev.switchboard.app.common.Layouts;
import dev.switchboard.app.common.LiveViewports;
import dev.switchboard.app.common.Styles;
import dev.switchboard.app.common.Tabs;
import dev.switchboard.app.common.Widgets;
import dev.switchboard.app.playground.PlaygroundViewModel.Mode;
import java.util.ArrayList;
import java.util.List;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextInputDialog;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.kordamp.ikonli.feather.Feather;

/**
 * The Playground page: the source on the left; on the right the targets side by side with their streaming answers
 * (compare mode) or the test-case matrix, and the saved experiments. Only binds; the model does the work.
 */
public final class PlaygroundView extends BorderPane {
    /** How often streamed tokens are moved to the screen: one UI update per cell per tick, however fast they come. */
    static final Duration DRAIN_EVERY = Duration.millis(100);
    private static final double COLUMN_WIDTH = 300;

    private final PlaygroundViewModel vm;
    private final Runnable startDemo;
    private final HBox columns = new HBox(10);
    private final List<ResultPane> resultPanes = new ArrayList<>();

    /** @param startDemo switches the app to demo mode, whose mock provider needs no API key */
    public PlaygroundView(PlaygroundViewModel vm, Runnable startDemo) {
        this.vm = vm;
        this.startDemo = startDemo;
        setId("playgroundView");
        getStyleClass().add(Styles.PAGE);
        setTop(toolbar());

        columns.setId("compareColumns");
        columns.setPadding(new Insets(10));
        ScrollPane compare = new ScrollPane(columns);
        compare.setId("compareScroll");
        compare.setFitToHeight(true);
        compare.setFitToWidth(true);
        LiveViewports.uncache(compare);
        MatrixPane matrix = new MatrixPane(vm);
        VBox results = new VBox(targetsStrip(matrix), compare, matrix);
        VBox.setVgrow(compare, Priority.ALWAYS);
        VBox.setVgrow(matrix, Priority.ALWAYS);
        var matrixMode = Bindings.equal(vm.mode(), Mode.MATRIX);
        matrix.visibleProperty().bind(matrixMode);
        matrix.managedProperty().bind(matrixMode);
        compare.visibleProperty().bind(matrixMode.not());
        compare.managedProperty().bind(matrixMode.not());

        // The saved experiments refresh after every run: only while their tab is open are they laid out again.
        TabPane tabs = new TabPane(new Tab("Run", results),
                Tabs.whileSelected("Experiments", new ExperimentsPane(vm)));
        tabs.setId("playgroundTabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        SplitPane split = new SplitPane(new SourcePane(vm), tabs);
        split.setDividerPositions(0.27);
        setCenter(split);

        vm.targets().addListener((ListChangeListener<TargetDraft>) change -> showColumns());
        vm.grid().addListener((obs, old, now) -> followRun());
        vm.mode().addListener((obs, old, now) -> showColumns());
        showColumns();
        vm.load();

        Timeline drain = new Timeline(new KeyFrame(DRAIN_EVERY, e -> vm.drain()));
        drain.setCycleCount(Timeline.INDEFINITE);
        drain.play();
    }

    private VBox toolbar() {
        Label title = new Label("Playground");
        title.getStyleClass().add(Styles.PAGE_TITLE);
        ToggleGroup modes = new ToggleGroup();
        ToggleButton compare = modeButton("modeCompare", "Compare", Mode.COMPARE, modes);
        ToggleButton matrix = modeButton("modeMatrix", "Matrix", Mode.MATRIX, modes);
        HBox modeBox = new HBox(compare, matrix);
        Button run = Icons.button("runButton", "Run", Feather.PLAY);
        run.getStyleClass().add(atlantafx.base.theme.Styles.ACCENT);
        run.setDefaultButton(false);
        run.setOnAction(e -> vm.run());
        run.disableProperty().bind(vm.running());
        Button cancel = Icons.button("cancelAll", "Cancel all", Feather.SQUARE);
        cancel.setOnAction(e -> vm.cancelAll());
        cancel.disableProperty().bind(vm.running().not());
        Button add = Icons.button("addTarget", "Add target", Feather.PLUS);
        add.setOnAction(e -> vm.addTarget());
        add.disableProperty().bind(vm.running());
        ProgressBar progress = new ProgressBar();
        progress.setId("progress");
        progress.progressProperty().bind(vm.progress());
        progress.visibleProperty().bind(vm.grid().isNotNull());
        progress.setPrefWidth(160);
        HBox bar = new HBox(10, title, modeBox, run, cancel, add, targetSetsMenu(), Layouts.hspacer(), progress);
        bar.setAlignment(Pos.CENTER_LEFT);
        Label message = new Label();
        message.setId("playgroundMessage");
        message.setWrapText(true);
        message.textProperty().bind(vm.message());
        message.visibleProperty().bind(vm.message().isNotNull());
        message.managedProperty().bind(message.visibleProperty());
        VBox top = new VBox(6, bar, message);
        top.getStyleClass().add(Styles.TOOLBAR);
        top.setPadding(new Insets(12, 16, 10, 16));
        return top;
    }

    private ToggleButton modeButton(String id, String text, Mode mode, ToggleGroup group) {
        ToggleButton button = new ToggleButton(text);
        button.setId(id);
        button.setToggleGroup(group);
        button.setSelected(vm.mode().get() == mode);
        button.setOnAction(e -> {
            vm.mode().set(mode);
            button.setSelected(true);
        });
        vm.mode().addListener((obs, old, now) -> button.setSelected(now == mode));
        button.disableProperty().bind(vm.running());
        return button;
    }

    private MenuButton targetSetsMenu() {
        MenuButton menu = new MenuButton("Target sets", Icons.icon(Feather.LAYERS));
        menu.setId("targetSets");
        Runnable fill = () -> {
            MenuItem save = new MenuItem("Save these targets as…");
            save.setId("saveTargetSet");
            save.setOnAction(e -> {
                TextInputDialog dialog = new TextInputDialog();
                dialog.setTitle("Save target set");
                dialog.setHeaderText("Name these " + vm.targets().size() + " targets to use them again");
                dialog.initOwner(getScene().getWindow());
                dialog.showAndWait().ifPresent(vm::saveTargetSet);
            });
            menu.getItems().setAll(save);
            if (!vm.targetSets().isEmpty()) {
                menu.getItems().add(new SeparatorMenuItem());
            }
            vm.targetSets().forEach(set -> {
                MenuItem item = new MenuItem(set.toString());
                item.setOnAction(e -> vm.applyTargetSet(set));
                menu.getItems().add(item);
            });
        };
        fill.run();
        vm.targetSets().addListener((ListChangeListener<TargetSet>) change -> fill.run());
        menu.disableProperty().bind(vm.running());
        return menu;
    }

    /** In matrix mode the target cards sit above the cases; in compare mode each heads its column. */
    private Node targetsStrip(MatrixPane matrix) {
        HBox strip = new HBox(10);
        strip.setId("matrixTargets");
        strip.setPadding(new Insets(10));
        ScrollPane scroll = new ScrollPane(strip);
        scroll.setFitToHeight(true);
        // Collapsed at first: in a matrix the cases and results want the room; the title names the targets.
        javafx.scene.control.TitledPane pane = new javafx.scene.control.TitledPane("Targets", scroll);
        pane.setId("matrixTargetsPane");
        pane.visibleProperty().bind(matrix.visibleProperty());
        pane.managedProperty().bind(matrix.visibleProperty());
        pane.setExpanded(false);
        Runnable fill = () -> {
            strip.getChildren().clear();
            pane.setText("Targets: " + vm.targets().stream().map(t -> t.provider().get() + " · " + t.model().get())
                    .collect(java.util.stream.Collectors.joining(", ")) + "  (expand to edit)");
            if (vm.mode().get() == Mode.MATRIX) {
                for (int col = 0; col < vm.targets().size(); col++) {
                    TargetCard card = new TargetCard(vm, vm.targets().get(col), col);
                    card.setPrefWidth(COLUMN_WIDTH);
                    strip.getChildren().add(card);
                }
            }
        };
        vm.targets().addListener((ListChangeListener<TargetDraft>) change -> fill.run());
        vm.mode().addListener((obs, old, now) -> fill.run());
        fill.run();
        return pane;
    }

    private void showColumns() {
        columns.getChildren().clear();
        resultPanes.clear();
        if (vm.mode().get() != Mode.COMPARE) {
            return;
        }
        for (int col = 0; col < vm.targets().size(); col++) {
            ResultPane result = new ResultPane(col);
            VBox.setVgrow(result, Priority.ALWAYS);
            resultPanes.add(result);
            VBox column = new VBox(8, new TargetCard(vm, vm.targets().get(col), col), result);
            column.setMinWidth(240);
            column.setPrefWidth(COLUMN_WIDTH);
            HBox.setHgrow(column, Priority.ALWAYS);
            columns.getChildren().add(column);
        }
        followRun();
        if (vm.targets().isEmpty()) {
            Label empty = Widgets.hint("Add a target to start: each one is a column here, all streaming at once. "
                    + "No API key at hand? Demo mode offers targets on a built-in mock provider.");
            Button demo = Icons.button("playgroundDemo", "Try demo mode", Feather.PLAY_CIRCLE);
            demo.setOnAction(e -> startDemo.run());
            columns.getChildren().add(new VBox(10, empty, demo));
        }
    }

    /** Points each column's result at the current run's cell (none before the first run). */
    private void followRun() {
        RunGrid grid = vm.grid().get();
        for (int col = 0; col < resultPanes.size(); col++) {
            boolean inRun = grid != null && col < grid.targetLabels().size();
            resultPanes.get(col).follow(inRun ? grid.cell(0, col) : null);
        }
    }
}
