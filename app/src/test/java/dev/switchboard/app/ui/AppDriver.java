package dev.switchboard.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.app.AppOptions;
import dev.switchboard.app.SwitchboardApp;
import dev.switchboard.app.connection.ConnectionStatus;
import dev.switchboard.gateway.trace.Trace;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextInputControl;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** Starts the real app headless (Monocle) with its own directories and drives it like a user. */
final class AppDriver extends FxRobot {
    private static final long TIMEOUT_SECONDS = 30;
    private SwitchboardApp app;

    /** Launches the app and waits until its embedded gateway is up. */
    AppDriver launch(Path configDir, Path dataDir) throws Exception {
        FxToolkit.registerPrimaryStage();
        app = (SwitchboardApp) FxToolkit.setupApplication(
                () -> new SwitchboardApp(new AppOptions(configDir, dataDir, 0)));
        waitUntil(() -> app.connection().status().get() == ConnectionStatus.CONNECTED);
        return this;
    }

    SwitchboardApp app() {
        return app;
    }

    /** The base URL of the gateway the app is looking at. */
    String baseUrl() {
        return onFx(() -> app.connection().baseUrl().get());
    }

    void close() throws Exception {
        if (app != null) {
            FxToolkit.cleanupApplication(app);
        }
        FxToolkit.cleanupStages();
    }

    void waitUntil(Callable<Boolean> condition) {
        try {
            WaitForAsyncUtils.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS, () -> onFx(condition));
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("Timed out waiting for the UI", e);
        }
    }

    /** Reads UI state on the FX thread, as a user would see it. */
    <T> T onFx(Callable<T> read) {
        try {
            return WaitForAsyncUtils.asyncFx(read).get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new AssertionError("Reading the UI failed", e.getCause());
        } catch (Exception e) {
            throw new AssertionError("Reading the UI failed", e);
        }
    }

    void show(String navId) {
        clickOn("#" + navId);
        WaitForAsyncUtils.waitForFxEvents();
    }

    String text(String id) {
        return onFx(() -> {
            Node node = lookup("#" + id).query();
            return node instanceof Labeled l ? l.getText() : ((TextInputControl) node).getText();
        });
    }

    boolean visible(String id) {
        return onFx(() -> lookup("#" + id).tryQuery().map(Node::isVisible).orElse(false));
    }

    /** Replaces a text field's content by typing, as a user does. */
    void type(String id, String text) {
        TextInputControl field = lookup("#" + id).query();
        reveal(field);
        clickOn(field);
        interact(field::clear);
        write(text);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Scrolls the page so that {@code node} is on screen, as a user would before clicking it. */
    void reveal(Node node) {
        interact(() -> {
            for (Node n = node.getParent(); n != null; n = n.getParent()) {
                if (n instanceof ScrollPane scroll) {
                    double contentHeight = scroll.getContent().getBoundsInLocal().getHeight();
                    double viewport = scroll.getViewportBounds().getHeight();
                    double y = scroll.getContent().sceneToLocal(node.localToScene(node.getBoundsInLocal())).getMinY();
                    scroll.setVvalue(contentHeight <= viewport ? 0
                            : Math.min(1, Math.max(0, (y - 40) / (contentHeight - viewport))));
                    return;
                }
            }
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    void click(String query) {
        Node node = lookup(query).query();
        reveal(node);
        clickOn(node);
    }

    List<Trace> rows() {
        return onFx(() -> List.copyOf(lookup("#traceTable").<Trace>queryTableView().getItems()));
    }

    void select(Trace trace) {
        interact(() -> {
            TableView<Trace> table = lookup("#traceTable").queryTableView();
            table.getSelectionModel().clearAndSelect(table.getItems().indexOf(trace));
        });
    }

    static void assertRowsOnly(List<Trace> rows, String model) {
        assertThat(rows).isNotEmpty().extracting(Trace::model).containsOnly(model);
    }
}
