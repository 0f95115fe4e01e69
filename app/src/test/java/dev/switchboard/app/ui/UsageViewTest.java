package dev.switchboard.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.app.FakeGatewayClient;
import dev.switchboard.app.common.TimeRange;
import dev.switchboard.app.common.UiTasks;
import dev.switchboard.app.connection.GatewayClient;
import dev.switchboard.app.usage.UsageView;
import dev.switchboard.app.usage.UsageViewModel;
import dev.switchboard.gateway.trace.UsageBucket;
import dev.switchboard.gateway.trace.UsageGroup;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.Scene;
import javafx.scene.chart.XYChart;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The usage page's charts draw every preset range, including those whose bucket times of day repeat. */
@ExtendWith(ApplicationExtension.class)
class UsageViewTest {
    private static final Instant NOW = Instant.parse("2026-03-05T14:37:00Z");
    private UsageViewModel vm;

    @Start
    void start(Stage stage) {
        FakeGatewayClient gateway = new FakeGatewayClient();
        List<UsageBucket> buckets = new ArrayList<>();
        for (int h = 0; h < 24 * 30; h++) {
            Instant at = NOW.minus(Duration.ofHours(h)).truncatedTo(java.time.temporal.ChronoUnit.HOURS);
            buckets.add(new UsageBucket(at, Duration.ofHours(1),
                    new UsageGroup("gpt-4o", 3, 1, 10, 10, new BigDecimal("0.01"), 100L, 300L)));
        }
        gateway.series = buckets;
        gateway.usage = List.of(new UsageGroup(null, 90, 3, 10, 10, new BigDecimal("0.5"), 100L, 300L));
        vm = new UsageViewModel(new SimpleObjectProperty<GatewayClient>(gateway), UiTasks.sameThread(),
                Clock.fixed(NOW, ZoneOffset.UTC), ZoneOffset.UTC);
        // The app builds the page on first show, after the data came in: the charts must show it at once.
        vm.refresh();
        UsageView view = new UsageView(vm);
        stage.setScene(new Scene(view, 1200, 760));
        stage.show();
    }

    @Test
    void chartsShowDataThatArrivedBeforeThePageWasBuilt(FxRobot robot) {
        XYChart<?, ?> traffic = robot.lookup("#trafficChart").query();
        assertThat(traffic.getData()).isNotEmpty();
    }

    @Test
    void everyRangeDrawsItsBuckets(FxRobot robot) {
        for (TimeRange range : List.of(TimeRange.LAST_HOUR, TimeRange.LAST_24_HOURS, TimeRange.LAST_7_DAYS,
                TimeRange.LAST_30_DAYS)) {
            robot.interact(() -> {
                vm.range().set(range);
                vm.refresh();
            });
            WaitForAsyncUtils.waitForFxEvents();
            XYChart<?, ?> cost = robot.lookup("#costChart").query();
            XYChart<?, ?> traffic = robot.lookup("#trafficChart").query();
            int buckets = vm.trafficSeries().getFirst().points().size();
            assertThat(traffic.getData().getFirst().getData()).as(range.toString()).hasSize(buckets);
            assertThat(cost.getData().getFirst().getData()).as(range.toString()).hasSize(buckets);
            assertThat(robot.lookup("#totalRequests").queryLabeled().getText()).isEqualTo("90");
        }
    }
}
