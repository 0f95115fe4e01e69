package dev.switchboard.app;

import dev.switchboard.gateway.UserDirectories;
import java.nio.file.Path;

/**
 * Start-up overrides, read from system properties so tests, the benchmark and power users can point the app
 * elsewhere: {@code switchboard.configDir}, {@code switchboard.dataDir}, {@code switchboard.port}.
 *
 * @param dataDir null: the data directory from the settings (default: the OS data folder)
 * @param port    null: the port from the settings; 0 picks a free one
 */
public record AppOptions(Path configDir, Path dataDir, Integer port) {

    public static AppOptions fromSystemProperties() {
        String config = System.getProperty("switchboard.configDir");
        String data = System.getProperty("switchboard.dataDir");
        String port = System.getProperty("switchboard.port");
        return new AppOptions(config == null ? UserDirectories.configDir() : Path.of(config),
                data == null ? null : Path.of(data), port == null ? null : Integer.valueOf(port));
    }

    /** Where a fresh install keeps its traces. */
    public Path defaultDataDir() {
        return dataDir != null ? dataDir : UserDirectories.dataDir();
    }
}
