package dev.switchboard.prompts.io;

/** The file formats prompts are exported to and imported from; both carry exactly the same data. */
public enum PromptFormat {
    JSON,
    YAML
}
