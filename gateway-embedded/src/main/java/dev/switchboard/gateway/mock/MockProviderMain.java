package dev.switchboard.gateway.mock;

import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Command line for the mock provider: runs it until the process is stopped. */
@Command(name = "switchboard-mock", mixinStandardHelpOptions = true,
        description = "A fake OpenAI/Anthropic/Gemini provider with deterministic replies and injectable faults.")
public final class MockProviderMain implements Callable<Integer> {

    @Option(names = "--host", description = "Interface to bind (default: ${DEFAULT-VALUE}).")
    String host = MockOptions.DEFAULT_HOST;

    @Option(names = "--port", description = "Port to listen on; 0 picks a free one (default: ${DEFAULT-VALUE}).")
    int port = 9099;

    @Option(names = "--tokens", description = "Reply length in tokens (default: ${DEFAULT-VALUE}).")
    int tokens = MockOptions.DEFAULT_REPLY_TOKENS;

    @Option(names = "--token-delay-ms", description = "Pause between streamed tokens (default: 0, or "
            + MockOptions.DEMO_TOKEN_DELAY_MS + " with --demo).")
    Long tokenDelayMs;

    @Option(names = "--ttft-ms", description = "Pause before the first token (default: 0, or "
            + MockOptions.DEMO_TTFT_MS + " with --demo).")
    Long ttftMs;

    @Option(names = "--demo", description = "Pace replies like a real model, for people watching.")
    boolean demo;

    public static void main(String[] args) {
        System.exit(new CommandLine(new MockProviderMain()).execute(args));
    }

    @Override
    public Integer call() throws InterruptedException {
        MockOptions defaults = demo ? MockOptions.demo() : MockOptions.defaults();
        MockOptions options = new MockOptions(host, port, tokens,
                tokenDelayMs != null ? tokenDelayMs : defaults.tokenDelayMs(),
                ttftMs != null ? ttftMs : defaults.ttftMs());
        MockProvider provider = MockProvider.start(options);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            provider.close();
            stopped.countDown();
        }, "mock-provider-shutdown"));
        // The benchmark and scripts wait for exactly this line.
        System.out.println("mock provider listening on " + provider.baseUrl());
        stopped.await();
        return 0;
    }
}
