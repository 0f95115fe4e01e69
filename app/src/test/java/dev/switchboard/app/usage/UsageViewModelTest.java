package dev.switchboard.app.usage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.app.FakeGatewayClient;
import dev.switchboard.app.common.Formats;
import dev.switchboard.app.common.TimeRange;
import dev.switchboard.app.common.UiTasks;
import dev.switchboard.app.connection.GatewayClient;
import dev.switchboard.gateway.trace.UsageBucket;
import dev.switchboard.gateway.trace.UsageGroup;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class UsageViewModelTest {
    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
    private final FakeGatewayClient gateway = new FakeGatewayClient();
    private final SimpleObjectProperty<GatewayClient> client = new SimpleObjectProperty<>();
    private UsageViewModel vm;

    @BeforeEach
    void setUp() {
        gateway.usage = List.of(
                new UsageGroup("gpt-4o", 8, 2, 1000, 500, new BigDecimal("0.03"), 400L, 900L),
                new UsageGroup("claude", 2, 0, 200, 100, new BigDecimal("0.01"), 300L, 800L));
        Instant bucket = Instant.parse("2026-03-01T11:00:00Z");
        gateway.series = List.of(new UsageBucket(bucket, Duration.ofMinutes(1),
                new UsageGroup("gpt-4o", 8, 2, 1000, 500, new BigDecimal("0.03"), 400L, 900L)));
        vm = new UsageViewModel(client, UiTasks.sameThread(), Clock.fixed(NOW, ZoneOffset.UTC), ZoneOffset.UTC);
        vm.range().set(TimeRange.LAST_HOUR);
        vm.pageShown();
        client.set(gateway);
    }

    @Test
    void leavingAGatewayLeavesNoneOfItsFiguresOnScreen() {
        assertThat(vm.requests().get()).isEqualTo("8");

        client.set(null);

        assertThat(vm.requests().get()).isEqualTo(Formats.NONE);
        assertThat(vm.cost().get()).isEqualTo(Formats.NONE);
        assertThat(vm.rows()).isEmpty();
        assertThat(vm.costSeries()).isEmpty();
    }

    @Test
    void readsNothingUntilThePageIsShown() {
        FakeGatewayClient other = new FakeGatewayClient();
        other.usage = gateway.usage;
        SimpleObjectProperty<GatewayClient> connection = new SimpleObjectProperty<>();
        UsageViewModel unseen = new UsageViewModel(connection, UiTasks.sameThread(), Clock.fixed(NOW, ZoneOffset.UTC),
                ZoneOffset.UTC);
        connection.set(other);

        assertThat(unseen.requests().get()).as("not read while unseen").isNotEqualTo("8");

        unseen.pageShown();

        assertThat(unseen.requests().get()).isEqualTo("8");
    }

    @Test
    void showsTotalsFromTheGateway() {
        assertThat(vm.requests().get()).isEqualTo("8");
        assertThat(vm.errorRate().get()).isEqualTo("25.0%");
        assertThat(vm.cost().get()).isEqualTo("$0.03");
        assertThat(vm.p95().get()).isEqualTo("900 ms");
    }

    @Test
    void chartSeriesAreZeroFilledOverEveryBucketOfTheRange() {
        assertThat(vm.costSeries()).singleElement().satisfies(series -> {
            assertThat(series.name()).isEqualTo("gpt-4o");
            assertThat(series.points()).hasSize(60);
            assertThat(series.points().stream().filter(p -> p.value() > 0)).hasSize(1);
        });
        assertThat(vm.trafficSeries()).extracting(SeriesData::name).containsExactly("Requests", "Errors");
        assertThat(vm.latencySeries().getFirst().points()).as("no 0 ms where there was no traffic").hasSize(1);
    }

    @Test
    void breakdownExportsAsCsvWithTheCostShare() {
        String csv = vm.breakdownCsv();

        assertThat(csv.split("\r\n")).containsExactly(
                "model,requests,errors,input_tokens,output_tokens,cost_usd,cost_share,p50_ms,p95_ms",
                "gpt-4o,8,2,1000,500,0.03,0.7500,400,900",
                "claude,2,0,200,100,0.01,0.2500,300,800");
    }

    @Test
    void theBreakdownCanGroupByTheCallersApiKey() {
        vm.breakdown().set(Breakdown.API_KEY);
        vm.refresh();

        assertThat(gateway.usageGroupBys.getLast()).isEqualTo("apiKey");
        assertThat(vm.breakdownCsv()).startsWith("api_key,requests,");
    }

    @Test
    void aMetadataBreakdownNeedsAKey() {
        vm.breakdown().set(Breakdown.METADATA);
        vm.refresh();

        assertThat(vm.error().get()).contains("metadata key");

        vm.metadataKey().set("team");
        vm.refresh();
        assertThat(vm.error().get()).isNull();
    }

    @Test
    void aCustomRangeMustBeCompleteAndInOrder() {
        vm.range().set(TimeRange.CUSTOM);
        vm.customFrom().set(LocalDate.of(2026, 3, 2));
        vm.customTo().set(LocalDate.of(2026, 3, 1));
        vm.refresh();

        assertThat(vm.error().get()).isEqualTo("The end date is before the start date");
    }

    @Test
    void bucketsStayBetweenThirtyAndSixtyWhateverTheRange() {
        for (TimeRange range : List.of(TimeRange.LAST_HOUR, TimeRange.LAST_24_HOURS, TimeRange.LAST_7_DAYS,
                TimeRange.LAST_30_DAYS)) {
            UsageRange resolved = UsageRange.of(range, null, null, NOW, ZoneOffset.UTC);
            assertThat(UsageViewModel.bucketStarts(resolved).size()).as(range.toString()).isBetween(24, 61);
        }
    }
}
