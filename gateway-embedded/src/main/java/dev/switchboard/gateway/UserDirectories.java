package dev.switchboard.gateway;

import java.nio.file.Path;
import java.util.Locale;

/**
 * The OS's per-user folders for Switchboard. Windows and macOS keep data and settings in one folder; Linux follows
 * the XDG base directories, so settings and data can be backed up or synced separately.
 */
public final class UserDirectories {
    private UserDirectories() {
    }

    /** Traces, prompts, the admin token: {@code ~/.local/share/switchboard} on Linux. */
    public static Path dataDir() {
        return perUser("XDG_DATA_HOME", Path.of(".local", "share"));
    }

    /** The desktop app's settings and connection key: {@code ~/.config/switchboard} on Linux. */
    public static Path configDir() {
        return perUser("XDG_CONFIG_HOME", Path.of(".config"));
    }

    private static Path perUser(String xdgVariable, Path xdgDefaultUnderHome) {
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
        String xdg = System.getenv(xdgVariable);
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : home.resolve(xdgDefaultUnderHome);
        return base.resolve("switchboard");
    }
}
