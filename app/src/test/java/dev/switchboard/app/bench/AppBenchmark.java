package dev.switchboard.app.bench;

import dev.switchboard.app.AppOptions;
import dev.switchboard.app.SwitchboardApp;
import dev.switchboard.app.SwitchboardLauncher;
import dev.switchboard.app.connection.ConnectionStatus;
import dev.switchboard.app.playground.PlaygroundViewModel;
import dev.switchboard.app.traces.TracesViewModel;
import dev.switchboard.gateway.Gateway;
import dev.switchboard.gateway.GatewayConfig;
import dev.switchboard.gateway.Json;
import dev.switchboard.gateway.mock.MockOptions;
import dev.switchboard.gateway.mock.MockProvider;
import dev.switchboard.gateway.store.TraceStore;
import dev.switchboard.gateway.trace.Trace;
import java.lang.management.ManagementFactory;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.ConnectionPool;
import okhttp3.Dispatcher;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * Prints the desktop app's figures (not a test): start to first window, the FX thread's longest stall while
 * traces stream in, and first page / filter times over a large store. Run through {@code bench/app-ui.sh}.
 *
 * <p>Arguments: {@code start} | {@code stream [tracesPerSecond] [seconds]} | {@code large [traces]} |
 * {@code playground [columns] [tokens] [tokenDelayMs] [runs]}.
 */
public final class AppBenchmark {
    private static final MediaType JSON = MediaType.get("application/json");
    private static final String[] MODELS = {"gpt-4o-mini", "gpt-4o", "gpt-4.1-mini", "gpt-4.1", "o4-mini"};

    private AppBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        String mode = args.length > 0 ? args[0] : "start";
        Path work = Path.of(System.getProperty("bench.dir", "target/bench"));
        Files.createDirectories(work);
        switch (mode) {
            case "start" -> start(work);
            case "stream" -> stream(work, intArg(args, 1, 500), intArg(args, 2, 60), intArg(args, 3, 20));
            case "large" -> large(work, intArg(args, 1, 1_000_000));
            case "playground" -> playground(work, intArg(args, 1, 6), intArg(args, 2, 500), intArg(args, 3, 2),
                    intArg(args, 4, 3), intArg(args, 5, 1));
            default -> throw new IllegalArgumentException("mode must be start, stream, large or playground");
        }
        System.exit(0);
    }

    private static int intArg(String[] args, int index, int fallback) {
        return args.length > index ? Integer.parseInt(args[index]) : fallback;
    }

    /** Starts the app as its main class does and returns it once the window has been drawn. */
    private static SwitchboardApp launch(Path configDir, Path dataDir) throws Exception {
        long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
        long mainAt = System.currentTimeMillis();
        CountDownLatch drawn = new CountDownLatch(1);
        long[] builtAt = new long[1];
        SwitchboardApp app = SwitchboardLauncher.launch(new AppOptions(configDir, dataDir, 0), stage -> {
            builtAt[0] = System.currentTimeMillis();
            stage.getScene().addPostLayoutPulseListener(drawn::countDown);
        });
        long initAt = System.currentTimeMillis();
        drawn.await();
        System.out.printf(Locale.ROOT, "launch: JVM to main %d ms, FX toolkit with settings and OS theme read "
                + "meanwhile %d ms, views built and shown %d ms, first pulse %d ms; UI threads' CPU time so far %d ms%n",
                mainAt - jvmStart, initAt - mainAt, builtAt[0] - initAt, System.currentTimeMillis() - builtAt[0],
                StallProbe.uiCpu() / 1_000_000);
        return app;
    }

    private static void start(Path work) throws Exception {
        Path dir = Files.createTempDirectory(work, "start");
        SwitchboardApp app = launch(dir.resolve("config"), dir.resolve("data"));
        long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
        long windowMs = System.currentTimeMillis() - jvmStart;
        awaitConnected(app);
        long gatewayMs = System.currentTimeMillis() - jvmStart;
        System.out.printf(Locale.ROOT, "start: JVM start to first window drawn: %d ms (target <= 2500 ms)%n", windowMs);
        System.out.printf(Locale.ROOT, "start: JVM start to embedded gateway ready: %d ms%n", gatewayMs);
        pageSwitches();
    }

    /**
     * From a click on a page's navigation button to that page's first frame. The first visit builds the page; a
     * later one puts it back in the scene (only the page on screen is in it), which styles it again.
     */
    private static void pageSwitches() throws Exception {
        List<String> visits = List.of("navUsage", "navTraces", "navPlayground", "navTraces", "navUsage",
                "navPlayground");
        List<String> seen = new ArrayList<>(List.of("navTraces"));
        for (String nav : visits) {
            CountDownLatch drawn = new CountDownLatch(1);
            long t0 = System.nanoTime();
            Platform.runLater(() -> {
                javafx.scene.Scene scene = javafx.stage.Window.getWindows().getFirst().getScene();
                scene.addPostLayoutPulseListener(new Runnable() {
                    @Override
                    public void run() {
                        scene.removePostLayoutPulseListener(this);
                        drawn.countDown();
                    }
                });
                ((javafx.scene.control.ButtonBase) scene.lookup("#" + nav)).fire();
            });
            drawn.await();
            System.out.printf(Locale.ROOT, "start: %s (%s) shown in %d ms%n", nav.substring(3),
                    seen.contains(nav) ? "back" : "first visit", (System.nanoTime() - t0) / 1_000_000);
            seen.add(nav);
            Thread.sleep(500);
        }
    }

    private static void awaitConnected(SwitchboardApp app) throws Exception {
        while (!onFx(() -> app.connection().status().get() == ConnectionStatus.CONNECTED)) {
            Thread.sleep(20);
        }
    }

    /** Streams traces through the real gateway (HTTP, mock provider) while measuring the FX thread. */
    private static void stream(Path work, int perSecond, int seconds, int warmupSeconds) throws Exception {
        Path dir = Files.createTempDirectory(work, "stream");
        SwitchboardApp app = launch(dir.resolve("config"), dir.resolve("data"));
        awaitConnected(app);
        // Control run: the same load in the same process, sent to a second gateway the UI does not watch, to tell
        // the UI's own cost from what two busy cores do to any thread.
        boolean control = Boolean.getBoolean("bench.control");
        Gateway other = control ? Gateway.start(GatewayConfig.defaults(dir.resolve("other")).withPort(0)) : null;
        String gateway = control ? other.baseUrl() : onFx(() -> app.connection().baseUrl().get());
        StallProbe probe = new StallProbe();
        try (MockProvider mock = MockProvider.start(MockOptions.defaults())) {
            Thread.sleep(2000);
            Load load = new Load(gateway, mock.baseUrl());
            // The same load first, unmeasured: in its first seconds the JIT compilers take most of a core.
            long sent = load.run(perSecond, Duration.ofSeconds(warmupSeconds), Duration.ofSeconds(seconds),
                    probe::start);
            probe.stop();
            long shown = onFx(() -> app.traces().totalCount().get());
            System.out.printf(Locale.ROOT, "stream: %d requests sent in %d s of warm-up + %d s measured (%d/s asked, "
                    + "%.0f/s achieved), %d failed%n", sent, warmupSeconds, seconds, perSecond,
                    sent / (double) (warmupSeconds + seconds), load.failed.get());
            System.out.printf(Locale.ROOT, "stream: traces counted by the UI: %d%s%n", shown,
                    control ? " (control run: the load went to a gateway the UI does not watch)" : "");
            probe.print("stream");
        } finally {
            if (other != null) {
                other.close();
            }
        }
    }

    /**
     * The Playground page on screen, {@code columns} targets streaming {@code tokens} tokens each at once through
     * the embedded gateway from the mock provider, while the FX thread is measured; repeated {@code runs} times.
     */
    private static void playground(Path work, int columns, int tokens, int tokenDelayMs, int runs, int warmupRuns)
            throws Exception {
        Path dir = Files.createTempDirectory(work, "playground");
        SwitchboardApp app = launch(dir.resolve("config"), dir.resolve("data"));
        awaitConnected(app);
        try (MockProvider mock = MockProvider.start(new MockOptions(MockOptions.DEFAULT_HOST, 0, tokens,
                tokenDelayMs, 0))) {
            PlaygroundViewModel vm = onFx(() -> {
                javafx.stage.Window window = javafx.stage.Window.getWindows().getFirst();
                ((javafx.scene.control.ButtonBase) window.getScene().lookup("#navPlayground")).fire();
                PlaygroundViewModel model = app.playground();
                model.targets().clear();
                for (int i = 0; i < columns; i++) {
                    model.addTarget();
                    var target = model.targets().getLast();
                    target.provider().set("openai");
                    target.model().set(MODELS[i % MODELS.length]);
                    target.customHost().set(mock.baseUrl() + "/v1");
                    target.maxTokens().set(String.valueOf(tokens));
                }
                return model;
            });
            Thread.sleep(2000);
            // Control: the same probe on the idle page, to tell the playground's cost from what a busy machine
            // does to any thread.
            StallProbe idle = new StallProbe();
            idle.start();
            Thread.sleep(5000);
            idle.stop();
            idle.print("playground idle (control)");
            // Warm-up runs first, measured but marked: in its first runs the JIT compilers take most of a core.
            for (int run = 1 - warmupRuns; run <= runs; run++) {
                StallProbe probe = new StallProbe();
                probe.start();
                long t0 = System.nanoTime();
                Object before = onFx(() -> {
                    Object shown = vm.grid().get();
                    vm.run();
                    return shown;
                });
                // The run renders its messages off the FX thread first: wait for its own grid, then its end.
                while (onFx(() -> vm.grid().get() == before || vm.running().get())) {
                    Thread.sleep(20);
                }
                long wallMs = (System.nanoTime() - t0) / 1_000_000;
                probe.stop();
                List<dev.switchboard.app.playground.CellResult> cells = onFx(() -> java.util.stream.IntStream
                        .range(0, columns).mapToObj(col -> vm.grid().get().cell(0, col).get()).toList());
                String name = run < 1 ? "warm-up run " + (run + warmupRuns) : "run " + run;
                System.out.printf(Locale.ROOT, "playground %s: %d columns x %d tokens (%d ms apart) all done in "
                        + "%d ms; output tokens per column %s; failed %d%n", name, columns, tokens, tokenDelayMs,
                        wallMs, cells.stream().map(c -> String.valueOf(c.outputTokens())).toList(),
                        cells.stream().filter(c -> c.status() != dev.switchboard.app.playground.CellStatus.DONE)
                                .count());
                probe.print(run < 1 ? "playground (warm-up)" : "playground");
            }
        }
    }

    /** Seeds a store with {@code count} traces (once; reused), then times the first page and a filter. */
    private static void large(Path work, int count) throws Exception {
        Path dataDir = work.resolve("large-" + count);
        seed(dataDir, count);
        Path configDir = Files.createTempDirectory(work, "large-config");
        long t0 = System.nanoTime();
        SwitchboardApp app = launch(configDir, dataDir);
        awaitConnected(app);
        System.out.printf(Locale.ROOT, "large: app up on %,d traces in %d ms%n", count, (System.nanoTime() - t0) / 1_000_000);
        TracesViewModel traces = app.traces();
        for (int run = 1; run <= 3; run++) {
            Timing firstPage = timeReload(traces, () -> {
                traces.filters().clear();
                traces.applyFilters();
            });
            Timing filter = timeReload(traces, () -> {
                traces.filters().model().set("o4-mini");
                traces.applyFilters();
            });
            Timing combined = timeReload(traces, () -> {
                traces.filters().model().set("gpt-4o");
                traces.filters().metadata().set("team=search");
                traces.filters().minDurationMs().set("900");
                traces.applyFilters();
            });
            System.out.printf(Locale.ROOT, "large run %d: first page %s (target <= 200 ms); model filter %s; "
                    + "model+metadata+duration filter %s (target <= 1000 ms); matches %,d%n", run, firstPage, filter,
                    combined, onFx(() -> traces.matchCount().get()));
        }
    }

    /** Milliseconds from asking to the rows being on screen, and to the match count being on screen. */
    private record Timing(long rowsMs, long countMs) {
        @Override
        public String toString() {
            return rowsMs + " ms (count " + countMs + " ms)";
        }
    }

    /** Times from asking (on the FX thread) to rows, then count, having landed (plus one turn of the FX queue). */
    private static Timing timeReload(TracesViewModel traces, Runnable ask) throws Exception {
        CompletableFuture<Long> rows = new CompletableFuture<>();
        CompletableFuture<Long> count = new CompletableFuture<>();
        Platform.runLater(() -> {
            long t0 = System.nanoTime();
            ask.run();
            whenFalse(traces.loading(), () -> rows.complete((System.nanoTime() - t0) / 1_000_000));
            whenFalse(traces.counting(), () -> count.complete((System.nanoTime() - t0) / 1_000_000));
        });
        return new Timing(rows.get(300, TimeUnit.SECONDS), count.get(300, TimeUnit.SECONDS));
    }

    private static void whenFalse(javafx.beans.property.BooleanProperty flag, Runnable then) {
        if (!flag.get()) {
            Platform.runLater(then);
            return;
        }
        flag.addListener(new javafx.beans.value.ChangeListener<>() {
            @Override
            public void changed(javafx.beans.value.ObservableValue<? extends Boolean> o, Boolean was, Boolean now) {
                if (!now) {
                    flag.removeListener(this);
                    Platform.runLater(then);
                }
            }
        });
    }

    private static void seed(Path dataDir, int count) throws Exception {
        try (Gateway gateway = Gateway.start(GatewayConfig.defaults(dataDir).withPort(0))) {
            TraceStore store = gateway.traceStore();
            long have = store.count();
            if (have >= count) {
                System.out.printf(Locale.ROOT, "large: reusing %,d stored traces in %s%n", have, dataDir);
                return;
            }
            long t0 = System.nanoTime();
            Instant start = Instant.now().minus(Duration.ofDays(30));
            long step = Duration.ofDays(30).toMillis() / count;
            String[] teams = {"search", "support", "growth", "platform"};
            List<Trace> batch = new ArrayList<>();
            for (long i = have; i < count; i++) {
                String model = MODELS[(int) (i % MODELS.length)];
                batch.add(new Trace(String.format(Locale.ROOT, "seed%09d", i), null, start.plusMillis(i * step),
                        200 + (i % 1500), 80L, i % 50 == 0 ? 429 : 200, "openai", model, "chat.completions", i % 3 == 0,
                        120, 40, null, null, false, new BigDecimal("0.00012"), "stop",
                        Map.of("team", teams[(int) (i % teams.length)], "use_case", "bench"),
                        i % 50 == 0 ? "rate limited" : null, null, null, null, null, null,
                        "{\"model\":\"" + model + "\",\"messages\":[{\"role\":\"user\",\"content\":\"question " + i
                                + "\"}]}", "{\"choices\":[{\"message\":{\"content\":\"answer " + i + "\"}}]}",
                        Map.of(), List.of(), null));
                if (batch.size() == 5000) {
                    store.insert(batch);
                    batch.clear();
                }
            }
            if (!batch.isEmpty()) {
                store.insert(batch);
            }
            System.out.printf(Locale.ROOT, "large: seeded %,d traces in %d s%n", count - have,
                    (System.nanoTime() - t0) / 1_000_000_000);
        }
    }

    private static <T> T onFx(java.util.concurrent.Callable<T> read) throws Exception {
        CompletableFuture<T> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                result.complete(read.call());
            } catch (Exception e) {
                result.completeExceptionally(e);
            }
        });
        return result.get(30, TimeUnit.SECONDS);
    }

    /** Measures the FX thread: gaps between animation frames, and how late a runLater runs. */
    private static final class StallProbe {
        private final List<Long> frameGaps = new ArrayList<>();
        private final List<Long> lateness = new java.util.concurrent.CopyOnWriteArrayList<>();
        private final ScheduledExecutorService poster = Executors.newSingleThreadScheduledExecutor();
        private long lastFrame;
        private final AnimationTimer frames = new AnimationTimer() {
            @Override
            public void handle(long now) {
                if (lastFrame != 0) {
                    frameGaps.add((now - lastFrame) / 1_000_000);
                }
                lastFrame = now;
            }
        };

        private long uiCpuAtStart;
        private long wallAtStart;
        private long uiCpuNanos;
        private long wallNanos;

        /** CPU time of the threads that draw the UI: the FX thread (named per platform) and the renderer. */
        static long uiCpu() {
            java.lang.management.ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            long total = 0;
            for (java.lang.management.ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
                if (info != null && (info.getThreadName().equals("JavaFX Application Thread")
                        || info.getThreadName().equals("GtkNativeMainLoopThread")
                        || info.getThreadName().startsWith("QuantumRenderer"))) {
                    total += Math.max(0, threads.getThreadCpuTime(info.getThreadId()));
                }
            }
            return total;
        }

        void start() {
            uiCpuAtStart = uiCpu();
            wallAtStart = System.nanoTime();
            Platform.runLater(frames::start);
            poster.scheduleAtFixedRate(() -> {
                long posted = System.nanoTime();
                Platform.runLater(() -> lateness.add((System.nanoTime() - posted) / 1_000_000));
            }, 0, 10, TimeUnit.MILLISECONDS);
        }

        void stop() throws Exception {
            uiCpuNanos = uiCpu() - uiCpuAtStart;
            wallNanos = System.nanoTime() - wallAtStart;
            poster.shutdownNow();
            onFx(() -> {
                frames.stop();
                return null;
            });
        }

        /** @param label the figures' prefix, e.g. {@code stream} */
        void print(String label) {
            System.out.printf(Locale.ROOT, "%s: FX longest stall (runLater latency) %d ms, p99 %d ms "
                    + "(target <= 50 ms); longest frame gap %d ms over %d frames%n", label, max(lateness),
                    percentile(lateness, 0.99), max(frameGaps), frameGaps.size());
            System.out.printf(Locale.ROOT, "%s: UI threads (FX + renderer) used %.0f%% of one core; "
                    + "machine load average %.1f on %d cores%n", label, 100.0 * uiCpuNanos / wallNanos,
                    ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                    Runtime.getRuntime().availableProcessors());
        }

        private static long max(List<Long> values) {
            return values.stream().mapToLong(Long::longValue).max().orElse(0);
        }

        private static long percentile(List<Long> values, double p) {
            List<Long> sorted = values.stream().sorted().toList();
            return sorted.isEmpty() ? 0 : sorted.get((int) Math.min(sorted.size() - 1, sorted.size() * p));
        }
    }

    /** Sends chat completions at a fixed rate through the gateway to the mock provider. */
    private static final class Load {
        private final String gateway;
        private final String mock;
        private final OkHttpClient http;
        final AtomicLong failed = new AtomicLong();

        Load(String gateway, String mock) {
            this.gateway = gateway;
            this.mock = mock;
            Dispatcher dispatcher = new Dispatcher();
            dispatcher.setMaxRequests(256);
            dispatcher.setMaxRequestsPerHost(256);
            this.http = new OkHttpClient.Builder().dispatcher(dispatcher)
                    .connectionPool(new ConnectionPool(64, 1, TimeUnit.MINUTES)).build();
        }

        /** Sends for {@code warmup}, runs {@code warmedUp}, sends for {@code length} more; returns the count sent. */
        long run(int perSecond, Duration warmup, Duration length, Runnable warmedUp) throws InterruptedException {
            AtomicLong sent = new AtomicLong();
            ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
            int perTick = Math.max(1, perSecond / 100);
            ticker.scheduleAtFixedRate(() -> {
                for (int i = 0; i < perTick; i++) {
                    send(sent.incrementAndGet());
                }
            }, 0, 10, TimeUnit.MILLISECONDS);
            Thread.sleep(warmup.toMillis());
            warmedUp.run();
            Thread.sleep(length.toMillis());
            ticker.shutdownNow();
            ticker.awaitTermination(5, TimeUnit.SECONDS);
            http.dispatcher().executorService().shutdown();
            http.dispatcher().executorService().awaitTermination(30, TimeUnit.SECONDS);
            return sent.get();
        }

        private void send(long n) {
            String model = MODELS[(int) (n % MODELS.length)];
            String body = Json.write(Json.object().put("model", model).set("messages", Json.MAPPER.createArrayNode()
                    .add(Json.object().put("role", "user").put("content", "benchmark question " + n))));
            Request request = new Request.Builder().url(gateway + "/v1/chat/completions")
                    .header("x-portkey-provider", "openai").header("x-portkey-custom-host", mock + "/v1")
                    .header("Authorization", "Bearer bench").header("x-portkey-metadata", "{\"team\":\"bench\"}")
                    .post(RequestBody.create(body, JSON)).build();
            http.newCall(request).enqueue(new Callback() {
                @Override
                public void onFailure(Call call, java.io.IOException e) {
                    if (failed.incrementAndGet() <= 3) {
                        System.out.println("stream: a request failed: " + e);
                    }
                }

                @Override
                public void onResponse(Call call, Response response) {
                    if (!response.isSuccessful() && failed.incrementAndGet() <= 3) {
                        System.out.println("stream: a request failed with HTTP " + response.code());
                    }
                    response.close();
                }
            });
        }
    }
}
