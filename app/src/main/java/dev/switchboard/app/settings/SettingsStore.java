package dev.switchboard.app.settings;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.app.common.AtomicFiles;
import dev.switchboard.gateway.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads and writes {@code settings.json}. Saves are debounced: a burst of changes (typing a port) writes once,
 * {@link #SAVE_DELAY} after the last one, through a temp file and an atomic move.
 */
public final class SettingsStore implements AutoCloseable {
    public static final String FILE_NAME = "settings.json";
    static final Duration SAVE_DELAY = Duration.ofSeconds(1);
    private static final Logger LOG = LoggerFactory.getLogger(SettingsStore.class);

    private final Path file;
    private final Path defaultDataDir;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("switchboard-settings").daemon(true).factory());
    private ScheduledFuture<?> pending;
    private SettingsData latest;

    public SettingsStore(Path configDir, Path defaultDataDir) {
        this.file = configDir.resolve(FILE_NAME);
        this.defaultDataDir = defaultDataDir;
    }

    public Path file() {
        return file;
    }

    /** The saved settings, or defaults; an unreadable file is kept aside as {@code settings.json.broken}. */
    public SettingsData load() {
        if (!Files.exists(file)) {
            return SettingsData.defaults(defaultDataDir);
        }
        try {
            // Missing fields (a file from an older version, or edited by hand) keep their defaults.
            ObjectNode merged = Json.MAPPER.valueToTree(SettingsData.defaults(defaultDataDir));
            JsonNode saved = Json.MAPPER.readTree(file.toFile());
            if (!(saved instanceof ObjectNode savedObject)) {
                throw new IOException("settings are not a JSON object");
            }
            merged.setAll(savedObject);
            return Json.MAPPER.treeToValue(merged, SettingsData.class);
        } catch (IOException e) {
            LOG.warn("Cannot read {} ({}); starting with default settings", file, e.getMessage());
            try {
                Files.move(file, file.resolveSibling(FILE_NAME + ".broken"), StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException moveFailed) {
                LOG.warn("Cannot move the unreadable settings aside", moveFailed);
            }
            return SettingsData.defaults(defaultDataDir);
        }
    }

    /** Saves {@code data} after {@link #SAVE_DELAY} unless another save is scheduled before then. */
    public synchronized void scheduleSave(SettingsData data) {
        latest = data;
        if (pending != null) {
            pending.cancel(false);
        }
        pending = scheduler.schedule(this::writeLatest, SAVE_DELAY.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Writes any pending change now (on exit). */
    public synchronized void flush() {
        if (pending != null && pending.cancel(false)) {
            writeLatest();
        }
    }

    private synchronized void writeLatest() {
        pending = null;
        try {
            AtomicFiles.write(file, Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(latest));
        } catch (IOException e) {
            LOG.error("Cannot save settings to {}", file, e);
        }
    }

    @Override
    public void close() {
        flush();
        scheduler.shutdown();
    }
}
