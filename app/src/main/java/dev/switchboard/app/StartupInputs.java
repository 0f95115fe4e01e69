package dev.switchboard.app;

import dev.switchboard.app.settings.SettingsData;
import dev.switchboard.app.settings.SettingsStore;
import dev.switchboard.app.shell.OsTheme;
import java.util.concurrent.CompletableFuture;

/**
 * What the first window needs from disk and the OS: the saved settings and whether the OS prefers a dark theme.
 * {@link #read} starts both in the background at once, so that the launcher can start the FX toolkit meanwhile:
 * reading JSON and asking the OS (a short process) take about as long as the toolkit does.
 */
record StartupInputs(SettingsStore store, SettingsData settings, boolean osPrefersDark) {

    static CompletableFuture<StartupInputs> read(AppOptions options) {
        CompletableFuture<Boolean> dark = CompletableFuture.supplyAsync(OsTheme::prefersDark);
        return CompletableFuture.supplyAsync(() -> {
            SettingsStore store = new SettingsStore(options.configDir(), options.defaultDataDir());
            return new StartupInputs(store, store.load(), dark.join());
        });
    }
}
