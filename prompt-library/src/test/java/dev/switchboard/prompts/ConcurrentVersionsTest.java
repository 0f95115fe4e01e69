package dev.switchboard.prompts;

import static dev.switchboard.prompts.Fixtures.prompt;
import static dev.switchboard.prompts.Fixtures.text;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.prompts.model.PromptTemplate;
import dev.switchboard.prompts.model.PromptVersion;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

@ParameterizedClass
@EnumSource(TestDatabase.Kind.class)
class ConcurrentVersionsTest {
    @Parameter
    TestDatabase.Kind kind;

    private static final int WRITERS = 8;
    private static final int VERSIONS_EACH = 25;

    @TempDir
    Path dir;

    @Test
    @Timeout(60)
    void concurrentWritersGetDistinctNumbersAndNothingIsLost() throws Exception {
        try (TestDatabase database = TestDatabase.migrated(kind, dir);
             ExecutorService pool = Executors.newFixedThreadPool(WRITERS)) {
            // Each writer has its own library, like separate gateway processes sharing one database.
            List<PromptLibrary> libraries = IntStream.range(0, WRITERS)
                    .mapToObj(i -> new PromptLibrary(database.dataSource(), Clock.systemUTC()))
                    .toList();
            libraries.getFirst().createPrompt(prompt("busy"), text("seed"));
            CountDownLatch start = new CountDownLatch(1);
            List<Future<List<Integer>>> writers = new ArrayList<>();
            for (int w = 0; w < WRITERS; w++) {
                PromptLibrary library = libraries.get(w);
                String writer = "writer-" + w;
                writers.add(pool.submit((Callable<List<Integer>>) () -> {
                    start.await();
                    List<Integer> numbers = new ArrayList<>();
                    for (int i = 0; i < VERSIONS_EACH; i++) {
                        numbers.add(library.addVersion("busy", text(writer + " #" + i)).number());
                    }
                    return numbers;
                }));
            }
            start.countDown();
            List<Integer> returned = new ArrayList<>();
            for (Future<List<Integer>> writer : writers) {
                returned.addAll(writer.get());
            }

            List<PromptVersion> stored = libraries.getFirst().getPrompt("busy").versions();
            int total = 1 + WRITERS * VERSIONS_EACH;
            assertThat(returned).doesNotHaveDuplicates().hasSize(WRITERS * VERSIONS_EACH);
            assertThat(stored).extracting(PromptVersion::number)
                    .containsExactlyElementsOf(IntStream.rangeClosed(1, total).boxed().toList());
            assertThat(stored).extracting(version -> ((PromptTemplate.Text) version.template()).text())
                    .doesNotHaveDuplicates()
                    .contains("writer-0 #0", "writer-7 #24");
        }
    }
}
