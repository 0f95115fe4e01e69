package dev.switchboard.gateway.provider.gemini;

import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

/** Alphanumeric ids for the completions and tool calls Gemini does not name itself; unique, not secret. */
final class RandomIds implements Supplier<String> {
    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static final int LENGTH = 24;

    @Override
    public String get() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        StringBuilder id = new StringBuilder(LENGTH);
        for (int i = 0; i < LENGTH; i++) {
            id.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return id.toString();
    }
}
