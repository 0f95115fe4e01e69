package dev.switchboard.app;

import javafx.application.Application;

/**
 * Plain main class: launching through it (not the {@link Application} subclass) lets the app run from the class
 * path without JavaFX module flags.
 */
public final class SwitchboardLauncher {
    private SwitchboardLauncher() {
    }

    public static void main(String[] args) {
        Application.launch(SwitchboardApp.class, args);
    }
}
