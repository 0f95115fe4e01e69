package dev.switchboard.app.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.switchboard.app.common.UiTasks;
import dev.switchboard.app.connection.EmbeddedGatewayHost;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsTest {
    @TempDir
    Path dir;

    @Test
    void savesOnceAfterABurstOfChangesAndReadsItBack() throws Exception {
        SettingsStore store = new SettingsStore(dir, dir.resolve("data"));
        AppSettings settings = new AppSettings(store.load()).autoSave(store);
        for (int port = 9000; port < 9010; port++) {
            settings.gatewayPort().set(port);
        }
        settings.theme().set(ThemeChoice.DARK);
        assertThat(store.file()).as("nothing written before the delay").doesNotExist();

        await().atMost(Duration.ofSeconds(5)).until(() -> Files.exists(store.file()));

        SettingsData again = new SettingsStore(dir, dir.resolve("data")).load();
        assertThat(again.gatewayPort()).isEqualTo(9009);
        assertThat(again.theme()).isEqualTo(ThemeChoice.DARK);
        assertThat(again.dataDir()).isEqualTo(dir.resolve("data").toString());
        try (var files = Files.list(dir)) {
            assertThat(files.filter(f -> f.toString().endsWith(".tmp"))).as("no temp files left behind").isEmpty();
        }
        store.close();
    }

    @Test
    void anUnreadableFileIsKeptAsideAndDefaultsApply() throws Exception {
        Files.writeString(dir.resolve(SettingsStore.FILE_NAME), "{not json");

        SettingsData data = new SettingsStore(dir, dir.resolve("data")).load();

        assertThat(data.gatewayPort()).isEqualTo(8787);
        assertThat(dir.resolve(SettingsStore.FILE_NAME + ".broken")).exists();
    }

    @Test
    void fieldsMissingFromTheFileKeepTheirDefaults() throws Exception {
        Files.writeString(dir.resolve(SettingsStore.FILE_NAME), "{\"theme\":\"DARK\",\"gatewayPort\":9999}");

        SettingsData data = new SettingsStore(dir, dir.resolve("data")).load();

        assertThat(data.theme()).isEqualTo(ThemeChoice.DARK);
        assertThat(data.gatewayPort()).isEqualTo(9999);
        assertThat(data.captureBodies()).isTrue();
        assertThat(data.dataDir()).isEqualTo(dir.resolve("data").toString());
    }

    @Test
    void validatesGatewayInputBeforeApplyingAnything() {
        AppSettings settings = new AppSettings(SettingsData.defaults(dir));
        AtomicInteger restarts = new AtomicInteger();
        SettingsViewModel vm = new SettingsViewModel(settings, new EmbeddedGatewayHost(), restarts::incrementAndGet,
                UiTasks.sameThread());

        vm.gatewayPort().set("99999");
        assertThat(vm.applyGateway()).isFalse();
        assertThat(vm.gatewayMessage().get()).isEqualTo("Port must be a whole number from 1 to 65535");
        assertThat(settings.gatewayPort().get()).isEqualTo(8787);
        assertThat(restarts).hasValue(0);

        vm.gatewayPort().set("9100");
        vm.captureBodies().set(false);
        assertThat(vm.applyGateway()).isTrue();
        assertThat(settings.gatewayPort().get()).isEqualTo(9100);
        assertThat(settings.captureBodies().get()).isFalse();
        assertThat(restarts).hasValue(1);
    }

    @Test
    void customPricesAreAddedReplacedAndConvertedPerToken() {
        AppSettings settings = new AppSettings(SettingsData.defaults(dir));
        SettingsViewModel vm = new SettingsViewModel(settings, new EmbeddedGatewayHost(), () -> { },
                UiTasks.sameThread());

        vm.priceModel().set("my-finetune-*");
        vm.priceInput().set("abc");
        assertThat(vm.addPrice()).isFalse();
        assertThat(vm.priceMessage().get()).contains("Input price must be a number");

        vm.priceInput().set("2.5");
        vm.priceOutput().set("$10");
        assertThat(vm.addPrice()).isTrue();
        vm.priceModel().set("my-finetune-*");
        vm.priceInput().set("3");
        vm.priceOutput().set("12");
        vm.addPrice();

        assertThat(settings.customPrices()).singleElement().satisfies(p -> {
            assertThat(p.inputPerMillion()).isEqualByComparingTo("3");
            var price = p.toModelPrice();
            assertThat(price.matches("my-finetune-v2")).isTrue();
            assertThat(price.matches("other")).isFalse();
            assertThat(price.tiers().getFirst().output()).isEqualByComparingTo(new BigDecimal("0.000012"));
        });
    }

    @Test
    void retentionTurnsDaysAndGigabytesIntoAPolicy() {
        AppSettings settings = new AppSettings(SettingsData.defaults(dir));
        SettingsViewModel vm = new SettingsViewModel(settings, new EmbeddedGatewayHost(), () -> { },
                UiTasks.sameThread());
        vm.retentionDays().set("30");
        vm.retentionMaxGb().set("1.5");

        assertThat(vm.applyRetention()).isTrue();

        RetentionLimits policy = RetentionLimits.of(settings);
        assertThat(policy.maxAge()).isEqualTo(Duration.ofDays(30));
        assertThat(policy.maxBytes()).isEqualTo(1_610_612_736L);
        vm.retentionDays().set("-1");
        assertThat(vm.applyRetention()).isFalse();
    }
}
