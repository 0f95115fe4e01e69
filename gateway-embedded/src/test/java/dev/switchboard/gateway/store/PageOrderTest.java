package dev.switchboard.gateway.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.gateway.trace.Trace;
import dev.switchboard.gateway.trace.TracePage;
import dev.switchboard.gateway.trace.TraceQuery;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PageOrderTest {
    @TempDir
    Path dataDir;

    @Test
    void filteredPagesStayNewestFirstAcrossCursorsAndUseTheFilterIndex() throws Exception {
        try (Database database = Database.openH2(dataDir)) {
            TraceStore store = new TraceStore(database.dataSource());
            List<Trace> traces = new ArrayList<>();
            Instant start = Instant.parse("2026-01-01T00:00:00Z");
            for (int i = 0; i < 30; i++) {
                // Pairs share a millisecond so the id tie-break is exercised too.
                traces.add(new Trace("t" + (char) ('a' + i % 26) + i, null, start.plusMillis(i / 2), 1, null,
                        i % 3 == 0 ? 500 : 200, "openai", i % 2 == 0 ? "gpt-4o" : "gpt-4o-mini", "chat.completions",
                        false, 1, 1, null, null, false, null, null, Map.of(), i % 3 == 0 ? "boom" : null, null, null,
                        null, null, null, null, null, Map.of(), List.of(), null));
            }
            store.insert(traces);
            TraceQuery gpt4o = new TraceQuery(4, null, null, "gpt-4o", null, null, null, null, null, null, null,
                    null, null);

            List<Trace> seen = new ArrayList<>();
            TracePage page = store.query(gpt4o);
            seen.addAll(page.items());
            while (page.nextCursor() != null) {
                page = store.query(gpt4o.withCursor(page.nextCursor()));
                seen.addAll(page.items());
            }

            List<Trace> expected = traces.stream().filter(t -> t.model().equals("gpt-4o"))
                    .sorted((x, y) -> x.startedAt().equals(y.startedAt()) ? y.id().compareTo(x.id())
                            : y.startedAt().compareTo(x.startedAt())).toList();
            assertThat(seen).extracting(Trace::id).containsExactlyElementsOf(expected.stream().map(Trace::id).toList());
            assertThat(PageOrder.of(gpt4o)).startsWith("t.model DESC");
            TraceQuery errors = new TraceQuery(50, null, null, null, "error", null, null, null, null, null, null,
                    null, null);
            assertThat(store.query(errors).items()).hasSize(10).allSatisfy(t -> assertThat(t.ok()).isFalse());
            assertThat(PageOrder.of(TraceQuery.latest(5))).isEqualTo("t.started_at DESC, t.id DESC");
        }
    }
}
