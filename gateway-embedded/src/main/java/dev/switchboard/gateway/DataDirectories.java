package dev.switchboard.gateway;

import java.nio.file.Path;
import java.util.Locale;

/** The OS's per-user data folder for Switchboard. */
public final class DataDirectories {
    private DataDirectories() {
    }

    public static Path defaultDir() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        Path home = Path.of(System.getProperty("user.home"));
        if (os.contains("win")) {
            String appData = System.getenv("APPDATA");
            return (appData != null ? Path.of(appData) : home.resolve("AppData").resolve("Roaming"))
                    .resolve("Switchboard");
        }
        if (os.contains("mac")) {
            return home.resolve("Library").resolve("Application Support").resolve("Switchboard");
        }
        String xdg = System.getenv("XDG_DATA_HOME");
        return (xdg != null && !xdg.isBlank() ? Path.of(xdg) : home.resolve(".local").resolve("share"))
                .resolve("switchboard");
    }
}
