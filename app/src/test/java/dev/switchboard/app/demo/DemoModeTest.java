package dev.switchboard.app.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.switchboard.app.connection.GatewayClient;
import dev.switchboard.gateway.trace.Trace;
import dev.switchboard.gateway.trace.TraceQuery;
import dev.switchboard.gateway.trace.UsageGroup;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoModeTest {
    private static final int HISTORY_PER_HOUR = 10;
    @TempDir
    Path dir;

    @Test
    void demoModeShowsAWeekOfHistoryThenLiveTrafficFromTheMockAcrossProviders() throws Exception {
        DemoMode demo = new DemoMode(dir, OkHttpClient::new, HISTORY_PER_HOUR);
        long history;
        try {
            GatewayClient client = demo.start();
            history = client.count(TraceQuery.latest(1));
            List<Trace> live = new CopyOnWriteArrayList<>();
            try (AutoCloseable subscription = client.subscribe(live::add)) {
                await().atMost(Duration.ofSeconds(30)).until(() -> live.size() >= 5);
            }

            assertThat(history).isGreaterThan(7 * 24 * HISTORY_PER_HOUR / 3);
            assertThat(client.description()).contains("mock provider");
            assertThat(live).allSatisfy(t -> assertThat(t.metadata()).containsEntry("environment", "demo"));
            List<UsageGroup> byProvider = client.usage(Instant.now().minus(Duration.ofDays(8)), Instant.now(),
                    "provider");
            assertThat(byProvider).extracting(UsageGroup::key).contains("openai", "anthropic", "google");
            assertThat(byProvider.stream().filter(g -> g.costUsd() != null)).isNotEmpty();
        } finally {
            demo.stop();
        }
        DemoMode again = new DemoMode(dir, OkHttpClient::new, HISTORY_PER_HOUR);
        try {
            GatewayClient client = again.start();
            long total = client.count(TraceQuery.latest(1));
            assertThat(total).as("history is written once, not again on the next start")
                    .isLessThan(history + 200);
        } finally {
            again.stop();
        }
    }
}
