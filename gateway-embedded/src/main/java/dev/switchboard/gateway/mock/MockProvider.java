package dev.switchboard.gateway.mock;

import io.javalin.Javalin;
import io.javalin.compression.CompressionStrategy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A fake LLM provider that speaks OpenAI's, Anthropic's and Gemini's wire formats with deterministic replies: the
 * desktop app's demo mode, README demos, tests, and the benchmark's upstream.
 *
 * <p>Javalin on virtual threads rather than the JDK's HttpServer: measured on the 2-core box both serve ~14-15k
 * small JSON responses a second on one connection and ~29-30k on 16 once warm, but Jetty sets TCP_NODELAY (the
 * JDK server leaves Nagle on, which stalls small SSE writes) and can drop a connection mid-stream on demand.
 */
public final class MockProvider implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(MockProvider.class);
    private static final long MAX_REQUEST_BYTES = 32L * 1024 * 1024;

    private final Javalin server;
    private final String host;

    private MockProvider(Javalin server, String host) {
        this.server = server;
        this.host = host;
    }

    /** Starts listening; returns once the port is bound. */
    public static MockProvider start(MockOptions options) {
        ReplyFactory replies = new ReplyFactory(options.replyTokens());
        Pacing pacing = new Pacing(options.ttftMs(), options.tokenDelayMs());
        OpenAiModels models = new OpenAiModels();
        Javalin server = Javalin.create(config -> {
            config.concurrency.useVirtualThreads = true;
            config.startup.showJavalinBanner = false;
            // Replies are small and loopback is fast: gzip would only spend the benchmark's CPU.
            config.http.compressionStrategy = CompressionStrategy.NONE;
            // Javalin's 1 MB default would reject long prompts that providers accept.
            config.http.maxRequestSize = MAX_REQUEST_BYTES;
            config.routes.post("/v1/chat/completions", new MockHandler(new OpenAiChat(), replies, pacing));
            config.routes.post("/v1/completions", new MockHandler(new OpenAiCompletions(), replies, pacing));
            config.routes.post("/v1/embeddings", new MockHandler(new OpenAiEmbeddings(), replies, pacing));
            config.routes.get("/v1/models", models::list);
            config.routes.post("/v1/messages", new MockHandler(new AnthropicMessages(), replies, pacing));
            config.routes.post("/v1beta/models/{" + GeminiGenerate.PATH_PARAM + "}",
                    new MockHandler(new GeminiGenerate(), replies, pacing));
        }).start(options.host(), options.port());
        MockProvider provider = new MockProvider(server, options.host());
        log.info("Mock provider listening on {} ({} tokens, ttft {} ms, {} ms/token)", provider.baseUrl(),
                options.replyTokens(), options.ttftMs(), options.tokenDelayMs());
        return provider;
    }

    public int port() {
        return server.port();
    }

    /** {@code http://host:port}; OpenAI clients append {@code /v1}, Anthropic and Gemini clients their own paths. */
    public String baseUrl() {
        return "http://" + host + ":" + port();
    }

    @Override
    public void close() {
        server.stop();
    }
}
