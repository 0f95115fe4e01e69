package dev.switchboard.app.prompts;

import dev.switchboard.prompts.io.PromptFormat;
import java.nio.file.Path;
import java.util.Locale;

/** Prompt files as the gateway's import and export speak them: JSON, or YAML for {@code .yaml}/{@code .yml}. */
final class PromptFiles {
    private PromptFiles() {
    }

    static PromptFormat format(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".yaml") || name.endsWith(".yml") ? PromptFormat.YAML : PromptFormat.JSON;
    }

    /** A file name for a prompt's export: folders become underscores, as the gateway names its downloads. */
    static String fileName(String promptName, PromptFormat format) {
        return promptName.replace('/', '_') + (format == PromptFormat.YAML ? ".yaml" : ".json");
    }
}
