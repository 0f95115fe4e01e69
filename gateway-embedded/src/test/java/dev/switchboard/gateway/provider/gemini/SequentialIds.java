package dev.switchboard.gateway.provider.gemini;

import java.util.function.Supplier;

/** Predictable ids (0001, 0002, ...) so fixtures can hold the exact ids the adapter generates. */
final class SequentialIds implements Supplier<String> {
    private int next;

    @Override
    public String get() {
        return "%04d".formatted(++next);
    }
}
