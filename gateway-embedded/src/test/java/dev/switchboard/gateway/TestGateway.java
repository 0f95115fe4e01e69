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
 * A real gateway on a free port with its own data directory, plus a plain HTTP client to call it. Register it with
 * {@code @RegisterExtension} to get a fresh gateway for every test, or construct one on a directory of your own.
 */
public final class TestGateway implements BeforeEachCallback, AfterEachCallback, AutoCloseable {
    public static final String ADMIN_TOKEN = "test-admin-token";
    private static final MediaType JSON = MediaType.get("application/json");

    private final OkHttpClient http = new OkHttpClient.Builder().readTimeout(Duration.ofSeconds(30)).build();
    private Gateway gateway;
    private Path dataDir;

    /** For {@code @RegisterExtension}: starts before each test in a new temporary directory. */
    public TestGateway() {
    }

    public TestGateway(Path dataDir) {
        start(dataDir);
    }

    private void start(Path directory) {
        this.dataDir = directory;
        this.gateway = Gateway.start(GatewayConfig.defaults(directory).withPort(0).withAdminToken(ADMIN_TOKEN));
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
        await().atMost(Duration.ofSeconds(10)).until(() -> storedCount() >= count);
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
