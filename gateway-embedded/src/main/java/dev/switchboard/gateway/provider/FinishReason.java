package dev.switchboard.gateway.provider;

/** OpenAI's closed set of {@code finish_reason} values that provider stop reasons are mapped onto. */
public enum FinishReason {
    STOP("stop"),
    LENGTH("length"),
    TOOL_CALLS("tool_calls"),
    CONTENT_FILTER("content_filter");

    private final String wire;

    FinishReason(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }
}
