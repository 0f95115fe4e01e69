package dev.switchboard.gateway;

import static org.awaitility.Awaitility.await;

import dev.switchboard.gateway.trace.Trace;
import dev.switchboard.gateway.trace.TraceQuery;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real gateway on a free port with its own data directory (and, on PostgreSQL, its own database), plus a plain HTTP
 * client to call it. Register it with {@code @RegisterExtension} to get a fresh gateway for every test, or construct
 * one on a directory of your own.
 */
public final class TestGateway implements BeforeEachCallback, AfterEachCallback, AutoCloseable {
    public static final String ADMIN_TOKEN = "test-admin-token";
    private static final MediaType JSON = MediaType.get("application/json");

    private final OkHttpClient http = new OkHttpClient.Builder().readTimeout(Duration.ofSeconds(30)).build();
    private final StoreKind store;
    private Gateway gateway;
    private Path dataDir;

    /** For {@code @RegisterExtension}: starts before each test in a new temporary directory, on H2. */
    public TestGateway() {
        this(StoreKind.H2);
    }

    /** For {@code @RegisterExtension}: starts before each test on a fresh database of that kind. */
    public TestGateway(StoreKind store) {
        this.store = store;
    }

    public TestGateway(Path dataDir) {
        this(dataDir, StoreKind.H2);
    }

    /** A gateway on a fresh database of that kind, started now. */
    public TestGateway(Path dataDir, StoreKind store) {
        this.store = store;
        start(dataDir);
    }

    /** A gateway with this configuration (see {@link #config(Path)}), started now. */
    public TestGateway(GatewayConfig config) {
        this.store = config.database() != null && config.database().isPostgres() ? StoreKind.POSTGRES : StoreKind.H2;
        this.dataDir = config.dataDir();
        this.gateway = Gateway.start(config);
    }

    /** What tests start from: a free port, the test admin token, the H2 file in {@code dataDir}. */
    public static GatewayConfig config(Path dataDir) {
        return GatewayConfig.defaults(dataDir).withPort(0).withAdminToken(ADMIN_TOKEN);
    }

    private void start(Path directory) {
        this.dataDir = directory;
        this.gateway = Gateway.start(config(directory).withDatabase(TestDatabases.fresh(store, directory)));
    }

    @Override
    public void beforeEach(ExtensionContext context) throws IOException {
        start(Files.createTempDirectory("switchboard-test"));
    }

    @Override
    public void afterEach(ExtensionContext context) throws IOException {
        close();
        try (Stream<Path> files = Files.walk(dataDir)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }

    public Path dataDir() {
        return dataDir;
    }

    public Gateway gateway() {
        return gateway;
    }

    public String url(String path) {
        return gateway.baseUrl() + path;
    }

    public Request.Builder post(String path, String json) {
        return new Request.Builder().url(url(path)).post(RequestBody.create(json, JSON));
    }

    public Request.Builder get(String path) {
        return new Request.Builder().url(url(path)).get();
    }

    public Request.Builder admin(String path) {
        return get(path).header("Authorization", "Bearer " + ADMIN_TOKEN);
    }

    /** Sends the request and returns status, headers and the whole body. */
    public Reply call(Request.Builder request) {
        try (Response response = http.newCall(request.build()).execute()) {
            return new Reply(response.code(), response.headers(), response.body().string());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits until the writer has stored {@code count} traces, then returns them newest first. */
    public List<Trace> awaitTraces(int count) {
        await().atMost(Duration.ofSeconds(10)).ignoreExceptions().until(() -> storedCount() >= count);
        try {
            return gateway.traceStore().query(TraceQuery.latest(1000)).items();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The newest stored trace with its bodies and spans. */
    public Trace awaitSingleTraceDetail() {
        Trace summary = awaitTraces(1).getFirst();
        try {
            return gateway.traceStore().find(summary.id()).orElseThrow();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The value of one series in the gateway's {@code /metrics}, e.g. {@code switchboard_traces_dropped_total}. */
    public double metric(String series) {
        return metricValue(call(get("/metrics")).body(), series);
    }

    /** The sample's value in Prometheus text: the number after the series name on its line. */
    public static double metricValue(String metrics, String series) {
        return metrics.lines().filter(line -> line.startsWith(series + " "))
                .mapToDouble(line -> Double.parseDouble(line.substring(series.length() + 1).trim()))
                .findFirst().orElseThrow(() -> new AssertionError("no " + series + " in\n" + metrics));
    }

    private long storedCount() throws SQLException {
        return gateway.traceStore().count();
    }

    @Override
    public void close() {
        gateway.close();
    }

    /** What the gateway answered. */
    public record Reply(int status, okhttp3.Headers headers, String body) {
        public com.fasterxml.jackson.databind.JsonNode json() {
            return Json.read(body);
        }
    }
}
