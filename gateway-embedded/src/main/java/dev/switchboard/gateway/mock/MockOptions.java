package dev.switchboard.gateway.mock;

/**
 * How the mock provider listens and paces its replies.
 *
 * @param host         interface to bind, e.g. {@code 127.0.0.1}
 * @param port         TCP port; 0 picks a free one (read it back with {@link MockProvider#port()})
 * @param replyTokens  length of a text reply in tokens (a request's max_tokens can shorten it)
 * @param tokenDelayMs pause between streamed tokens; a non-streamed reply waits for all of them at once
 * @param ttftMs       pause before the first token (time to first token)
 */
public record MockOptions(String host, int port, int replyTokens, long tokenDelayMs, long ttftMs) {

    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final int DEFAULT_REPLY_TOKENS = 40;
    /** Pacing that looks like a real model to a person watching a stream. */
    public static final long DEMO_TOKEN_DELAY_MS = 15;
    public static final long DEMO_TTFT_MS = 250;

    public MockOptions {
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be 0..65535, was " + port);
        }
        if (replyTokens < 1) {
            throw new IllegalArgumentException("replyTokens must be at least 1, was " + replyTokens);
        }
        if (tokenDelayMs < 0 || ttftMs < 0) {
            throw new IllegalArgumentException("delays must not be negative");
        }
    }

    /** As fast as possible, on a free loopback port: what tests and the benchmark want. */
    public static MockOptions defaults() {
        return new MockOptions(DEFAULT_HOST, 0, DEFAULT_REPLY_TOKENS, 0, 0);
    }

    /** Paced like a real model, for the desktop app's demo mode and README demos. */
    public static MockOptions demo() {
        return new MockOptions(DEFAULT_HOST, 0, DEFAULT_REPLY_TOKENS, DEMO_TOKEN_DELAY_MS, DEMO_TTFT_MS);
    }
}
