package dev.switchboard.gateway.trace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.switchboard.gateway.StoreKind;
import dev.switchboard.gateway.TestDatabases;
import dev.switchboard.gateway.cost.PriceTable;
import dev.switchboard.gateway.cost.TokenEstimator;
import dev.switchboard.gateway.store.Database;
import dev.switchboard.gateway.store.TraceStore;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

@ParameterizedClass
@EnumSource(StoreKind.class)
class TraceWriterTest {
    @Parameter
    StoreKind store;
    @TempDir
    Path dataDir;

    @Test
    void storesEveryTraceSubmittedByConcurrentRequestsAndDrainsOnClose() throws Exception {
        int requests = 4000;
        List<Trace> published = new CopyOnWriteArrayList<>();
        try (Database database = Database.open(TestDatabases.fresh(store, dataDir))) {
            TraceStore store = new TraceStore(database.dataSource());
            TraceFeed feed = new TraceFeed();
            feed.subscribe(published::add);
            TraceWriter writer = new TraceWriter(new TraceAssembler(PriceTable.bundled(), new TokenEstimator(),
                    TraceAssembler.BodyCapture.DEFAULT), store, feed, 10_000, 64L << 20, 250, Duration.ofMillis(50));
            try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
                for (int i = 0; i < requests; i++) {
                    int n = i;
                    pool.submit(() -> writer.submit(draft(n)));
                }
            }
            writer.close();

            assertThat(store.count()).isEqualTo(requests);
            assertThat(writer.written()).isEqualTo(requests);
            assertThat(writer.dropped()).isZero();
            assertThat(published).hasSize(requests);
            assertThat(published.getFirst().requestBody()).as("the live feed carries summaries").isNull();
        }
    }

    @Test
    void tracesThatArriveTogetherShareOneCommit() throws Exception {
        try (Database database = Database.open(TestDatabases.fresh(store, dataDir))) {
            AtomicInteger connections = new AtomicInteger();
            DataSource counting = (DataSource) Proxy.newProxyInstance(DataSource.class.getClassLoader(),
                    new Class<?>[] {DataSource.class}, (proxy, method, args) -> {
                        if (method.getName().equals("getConnection")) {
                            connections.incrementAndGet();
                        }
                        try {
                            return method.invoke(database.dataSource(), args);
                        } catch (InvocationTargetException e) {
                            throw e.getCause();
                        }
                    });
            TraceStore traces = new TraceStore(counting);
            int before = connections.get();
            TraceWriter writer = new TraceWriter(new TraceAssembler(PriceTable.bundled(), new TokenEstimator(),
                    TraceAssembler.BodyCapture.DEFAULT), traces, new TraceFeed(), 1000, 64L << 20, 500,
                    Duration.ofSeconds(1));
            for (int i = 0; i < 100; i++) {
                writer.submit(draft(i));
            }

            await().atMost(Duration.ofSeconds(10)).until(() -> writer.written() == 100);
            assertThat(connections.get() - before).as("one batch for the hundred traces").isEqualTo(1);
            writer.close();
        }
    }

    @Test
    void countsTracesItHadNoRoomFor() throws Exception {
        try (Database database = Database.open(TestDatabases.fresh(store, dataDir))) {
            TraceWriter writer = new TraceWriter(new TraceAssembler(PriceTable.bundled(), new TokenEstimator(),
                    TraceAssembler.BodyCapture.DEFAULT), new TraceStore(database.dataSource()), new TraceFeed(),
                    1, 64L << 20, 1, Duration.ofSeconds(5));
            writer.close();
            writer.submit(draft(1));

            assertThat(writer.dropped()).isEqualTo(1);
        }
    }

    @Test
    void keepsWhatItBuffersForAnUnreachableDatabaseWithinItsMemoryBudget() throws Exception {
        Database database = Database.open(TestDatabases.fresh(store, dataDir));
        TraceStore traces = new TraceStore(database.dataSource());
        database.close();
        long threeTraces = 3 * draft(0).approximateBytes();
        TraceWriter writer = new TraceWriter(new TraceAssembler(PriceTable.bundled(), new TokenEstimator(),
                TraceAssembler.BodyCapture.DEFAULT), traces, new TraceFeed(), 10_000, threeTraces, 10,
                Duration.ofMillis(20));
        try {
            for (int i = 0; i < 10; i++) {
                writer.submit(draft(i));
            }

            await().atMost(Duration.ofSeconds(10)).until(writer::storeFailing);
            assertThat(writer.queued()).as("held for the database's return").isEqualTo(3);
            assertThat(writer.dropped()).isEqualTo(7);
        } finally {
            writer.close();
        }
    }

    @Test
    void dropsOnlyTheRowTheDatabaseRefusesAndStoresTheRestOfItsBatch() throws Exception {
        try (Database database = Database.open(TestDatabases.fresh(store, dataDir))) {
            TraceStore traces = new TraceStore(database.dataSource());
            TraceWriter writer = new TraceWriter(new TraceAssembler(PriceTable.bundled(), new TokenEstimator(),
                    TraceAssembler.BodyCapture.DEFAULT), traces, new TraceFeed(), 100, 64L << 20, 10, Duration.ofMillis(200));
            writer.submit(draft(1));
            writer.submit(draft(1));
            writer.submit(draft(2).clientTraceId("c".repeat(300)).error("NUL \0 in the text")
                    .requestBody("{\"model\":\"x\u0000y\"}".getBytes(StandardCharsets.UTF_8)));
            writer.close();

            assertThat(writer.written()).isEqualTo(2);
            assertThat(writer.dropped()).as("the duplicate id").isEqualTo(1);
            Trace stored = traces.find("id-2").orElseThrow();
            assertThat(stored.error()).isEqualTo("NUL \uFFFD in the text");
            assertThat(stored.clientTraceId()).hasSize(256);
        }
    }

    @Test
    void capsStoredBodies() throws Exception {
        TraceAssembler assembler = new TraceAssembler(PriceTable.bundled(), new TokenEstimator(),
                new TraceAssembler.BodyCapture(true, 100));
        TraceDraft draft = draft(1).requestBody(("{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\""
                + "x".repeat(500) + "\"}]}").getBytes(StandardCharsets.UTF_8));

        Trace trace = assembler.assemble(draft);

        assertThat(trace.requestBody()).startsWith("{\"model\"").contains("[truncated").hasSizeLessThan(160);
        assertThat(trace.responseBody()).contains("[truncated");
    }

    private static TraceDraft draft(int n) {
        return new TraceDraft("id-" + n, "chat.completions").provider("openai").model("gpt-4o-mini")
                .metadata(java.util.Map.of("n", String.valueOf(n)))
                .requestBody("{\"model\":\"gpt-4o-mini\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}"
                        .getBytes(StandardCharsets.UTF_8))
                .responseBody(("{\"model\":\"gpt-4o-mini\",\"choices\":[{\"index\":0,\"message\":{\"role\":"
                        + "\"assistant\",\"content\":\"hello\"},\"finish_reason\":\"stop\"}],\"usage\":"
                        + "{\"prompt_tokens\":8,\"completion_tokens\":1,\"total_tokens\":9}}")
                        .getBytes(StandardCharsets.UTF_8))
                .finish(200);
    }
}
