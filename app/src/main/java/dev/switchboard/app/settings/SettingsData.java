package dev.switchboard.app.settings;

import dev.switchboard.app.connection.ConnectionProfile;
import dev.switchboard.gateway.GatewayConfig;
import java.nio.file.Path;
import java.util.List;

/**
 * The saved settings as one immutable value: what is written to {@code settings.json}, and a snapshot of
 * {@link AppSettings} that can cross threads.
 *
 * @param activeProfileId the remote profile used at start, or null for the embedded gateway
 * @param retentionDays   0 keeps traces of any age
 * @param retentionMaxGb  0 sets no size limit
 */
public record SettingsData(ThemeChoice theme, String dataDir, String gatewayHost, int gatewayPort,
                           boolean captureBodies, int bodyMaxKb, int retentionDays, double retentionMaxGb,
                           List<CustomPrice> customPrices, List<ConnectionProfile> profiles, String activeProfileId) {

    public static final int DEFAULT_BODY_MAX_KB = 256;

    public SettingsData {
        theme = theme == null ? ThemeChoice.SYSTEM : theme;
        gatewayHost = gatewayHost == null || gatewayHost.isBlank() ? GatewayConfig.DEFAULT_HOST : gatewayHost;
        gatewayPort = gatewayPort <= 0 || gatewayPort > 65_535 ? GatewayConfig.DEFAULT_PORT : gatewayPort;
        bodyMaxKb = bodyMaxKb <= 0 ? DEFAULT_BODY_MAX_KB : bodyMaxKb;
        customPrices = customPrices == null ? List.of() : List.copyOf(customPrices);
        profiles = profiles == null ? List.of() : List.copyOf(profiles);
    }

    public static SettingsData defaults(Path dataDir) {
        return new SettingsData(ThemeChoice.SYSTEM, dataDir.toString(), GatewayConfig.DEFAULT_HOST,
                GatewayConfig.DEFAULT_PORT, true, DEFAULT_BODY_MAX_KB, 0, 0, List.of(), List.of(), null);
    }
}
