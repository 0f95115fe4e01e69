package dev.switchboard.gateway.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.switchboard.gateway.StoreKind;
import dev.switchboard.gateway.TestDatabases;

import dev.switchboard.gateway.trace.Trace;
import dev.switchboard.gateway.trace.TraceQuery;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

@ParameterizedClass
@EnumSource(StoreKind.class)
class RetentionTest {
    @Parameter
    StoreKind kind;
    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
    @TempDir
    Path dataDir;
    private Database database;
    private TraceStore store;
    private Retention retention;

    @BeforeEach
    void open() {
        database = Database.open(TestDatabases.fresh(kind, dataDir));
        store = new TraceStore(database.dataSource());
        retention = new Retention(database.dataSource(), Clock.fixed(NOW, ZoneOffset.UTC), Duration.ofMinutes(10));
    }

    @AfterEach
    void close() {
        retention.close();
        database.close();
    }

    @Test
    void keepsEverythingWithoutAPolicy() throws Exception {
        store.insert(traces(NOW.minus(Duration.ofDays(400)), 3, Duration.ofDays(1)));

        assertThat(retention.apply().total()).isZero();
        assertThat(store.count()).isEqualTo(3);
    }

    @Test
    void deletesTracesOlderThanTheMaximumAgeWithTheirMetadata() throws Exception {
        store.insert(traces(NOW.minus(Duration.ofDays(10)), 10, Duration.ofDays(1)));
        retention.setPolicy(new Retention.Policy(Duration.ofDays(7), 0));

        await().atMost(Duration.ofSeconds(10)).until(() -> store.count() == 7);
        assertThat(retention.apply().total()).as("a second pass finds nothing more").isZero();
        assertThat(store.query(TraceQuery.latest(100)).items())
                .allSatisfy(t -> assertThat(t.startedAt()).isAfterOrEqualTo(NOW.minus(Duration.ofDays(7))));
        assertThat(store.count(new TraceQuery(null, null, null, null, null, null, null, null, null, "team", "core",
                null, null))).isEqualTo(7);
    }

    @Test
    void deletesTheOldestTracesWhileOverTheSizeLimitOnTheEmbeddedDatabase() throws Exception {
        store.insert(traces(NOW.minus(Duration.ofHours(100)), 100, Duration.ofHours(1)));
        retention.setPolicy(new Retention.Policy(null, 1));

        if (kind == StoreKind.H2) {
            await().atMost(Duration.ofSeconds(10)).until(() -> store.count() == 90);
            List<Trace> left = store.query(TraceQuery.latest(1000)).items();
            assertThat(left.getLast().startedAt()).isEqualTo(NOW.minus(Duration.ofHours(90)));
        } else {
            // PostgreSQL frees space only on VACUUM: a size limit would empty the table, so it is not applied.
            assertThat(retention.apply().deletedBySize()).isZero();
            assertThat(store.count()).isEqualTo(100);
        }
    }

    private static List<Trace> traces(Instant first, int count, Duration step) {
        List<Trace> traces = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            traces.add(new Trace("t" + i, null, first.plus(step.multipliedBy(i)), 10, null, 200, "openai",
                    "gpt-4o-mini", "chat.completions", false, 1, 1, null, null, false, null, "stop",
                    Map.of("team", "core"), null, null, null, null, null, null, "{\"x\":\"" + "y".repeat(500) + "\"}",
                    "{}", Map.of(), List.of(), null));
        }
        return traces;
    }
}
