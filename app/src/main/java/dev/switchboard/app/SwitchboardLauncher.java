package dev.switchboard.app;

import java.util.function.Consumer;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.slf4j.LoggerFactory;

/**
 * Plain main class: launching through it (not the {@link Application} subclass) lets the app run from the class
 * path without JavaFX module flags. It takes {@link Application#launch}'s steps itself, so that the app can read its
 * settings and ask the OS for its theme while the FX toolkit starts, instead of after it.
 */
public final class SwitchboardLauncher {
    private SwitchboardLauncher() {
    }

    public static void main(String[] args) {
        launch(AppOptions.fromSystemProperties(), stage -> { });
    }

    /**
     * Starts the app as {@link #main} does and returns it while its window opens on the FX thread; {@code started}
     * gets the stage there right after {@link SwitchboardApp#start} (the benchmark times the first frame from it).
     * Closing the window stops the app, then the toolkit.
     */
    public static SwitchboardApp launch(AppOptions options, Consumer<Stage> started) {
        SwitchboardApp app = new SwitchboardApp(options, StartupInputs.read(options));
        // Exit is ours to run: stop() first, as Application.launch would, then the toolkit.
        Platform.setImplicitExit(false);
        Platform.startup(() -> { });
        // On this thread, not the FX thread: it waits for the settings and decodes the icon.
        app.init();
        Platform.runLater(() -> {
            Stage stage = new Stage();
            stage.setOnHidden(e -> exit(app));
            try {
                app.start(stage);
                started.accept(stage);
            } catch (RuntimeException e) {
                // Looked up here, not in a static field: binding the logger scans the class path, and the main thread
                // should start the toolkit first (the settings reader binds it in the background meanwhile).
                LoggerFactory.getLogger(SwitchboardLauncher.class).error("Switchboard could not start", e);
                exit(app);
            }
        });
        return app;
    }

    private static void exit(SwitchboardApp app) {
        app.stop();
        Platform.exit();
    }
}
