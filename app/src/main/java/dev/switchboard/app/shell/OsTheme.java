package dev.switchboard.app.shell;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asks the OS whether the user prefers a dark theme (JavaFX 21 cannot tell). Runs a short command per OS;
 * unknown answers mean light. Blocking: call it off the FX thread.
 */
public final class OsTheme {
    private static final Logger LOG = LoggerFactory.getLogger(OsTheme.class);

    private OsTheme() {
    }

    public static boolean prefersDark() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        if (os.contains("mac")) {
            return run(List.of("defaults", "read", "-g", "AppleInterfaceStyle")).contains("dark");
        }
        if (os.contains("win")) {
            return run(List.of("reg", "query", "HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\Themes\\Personalize",
                    "/v", "AppsUseLightTheme")).contains("0x0");
        }
        String gtk = System.getenv("GTK_THEME");
        if (gtk != null && gtk.toLowerCase(Locale.ROOT).contains("dark")) {
            return true;
        }
        return run(List.of("gsettings", "get", "org.gnome.desktop.interface", "color-scheme")).contains("dark");
    }

    private static String run(List<String> command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            if (!process.waitFor(2, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return "";
            }
            return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8)
                    .toLowerCase(Locale.ROOT);
        } catch (IOException e) {
            LOG.debug("Cannot ask the OS for its theme ({}); using light", e.getMessage());
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }
}
