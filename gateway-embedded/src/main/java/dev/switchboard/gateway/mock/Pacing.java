package dev.switchboard.gateway.mock;

/** The configured delays, as sleeps on the request's (virtual) thread. */
record Pacing(long ttftMs, long tokenDelayMs) {

    void beforeFirstToken() throws InterruptedException {
        sleep(ttftMs);
    }

    void betweenTokens() throws InterruptedException {
        sleep(tokenDelayMs);
    }

    /** A non-streamed reply arrives when a streamed one would have finished. */
    void wholeReply(int tokens) throws InterruptedException {
        sleep(ttftMs + tokenDelayMs * Math.max(0, tokens - 1));
    }

    static void sleep(long ms) throws InterruptedException {
        if (ms > 0) {
            Thread.sleep(ms);
        }
    }
}
