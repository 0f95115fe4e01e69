package dev.switchboard.gateway.sdk;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Runs the official Node SDKs from {@code src/test/sdk} as real clients: installs them with npm into
 * {@code target/sdk} (once per build) and runs one script, returning its last output line.
 */
final class NodeSdk {
    private static final Path SOURCE = Path.of("src", "test", "sdk");
    private static final Path WORK = Path.of("target", "sdk");

    private NodeSdk() {
    }

    /** Copies the scripts and runs {@code npm install} unless the same package.json was installed before. */
    static synchronized void install() throws IOException, InterruptedException {
        Files.createDirectories(WORK);
        try (Stream<Path> files = Files.list(SOURCE)) {
            for (Path file : files.toList()) {
                Files.copy(file, WORK.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        Path installed = WORK.resolve(".installed-package.json");
        String wanted = Files.readString(SOURCE.resolve("package.json"));
        if (!Files.exists(installed) || !Files.readString(installed).equals(wanted)) {
            run(List.of("npm", "install", "--no-audit", "--no-fund", "--loglevel=error"), 300);
            Files.writeString(installed, wanted);
        }
    }

    static String runScript(String script, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("node", script));
        command.addAll(List.of(args));
        List<String> lines = run(command, 120);
        return lines.isEmpty() ? "" : lines.getLast();
    }

    private static List<String> run(List<String> command, int timeoutSeconds)
            throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).directory(WORK.toFile()).redirectErrorStream(true).start();
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException(String.join(" ", command) + " did not finish in " + timeoutSeconds + " s");
        }
        String text = new String(output, StandardCharsets.UTF_8);
        if (process.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed:\n" + text);
        }
        return text.lines().filter(line -> !line.isBlank()).toList();
    }
}
