package dev.switchboard.app.usage;

/** What the breakdown table groups by; {@link #METADATA} uses a key the user names. */
public enum Breakdown {
    MODEL("Model", "model"), PROVIDER("Provider", "provider"), PROMPT("Prompt", "prompt"),
    API_KEY("API key", "apiKey"), METADATA("Metadata key", null);

    private final String label;
    private final String groupBy;

    Breakdown(String label, String groupBy) {
        this.label = label;
        this.groupBy = groupBy;
    }

    /** The admin API's {@code groupBy} value. */
    public String groupBy(String metadataKey) {
        return this == METADATA ? "metadata." + metadataKey : groupBy;
    }

    @Override
    public String toString() {
        return label;
    }
}
