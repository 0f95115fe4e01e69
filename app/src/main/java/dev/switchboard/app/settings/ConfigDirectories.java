package dev.switchboard.app.settings;

import java.nio.file.Path;
import java.util.Locale;

/** The OS's per-user configuration folder for the desktop app (settings, connection key). */
public final class ConfigDirectories {
    private ConfigDirectories() {
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
        String xdg = System.getenv("XDG_CONFIG_HOME");
        return (xdg != null && !xdg.isBlank() ? Path.of(xdg) : home.resolve(".config")).resolve("switchboard");
    }
}
