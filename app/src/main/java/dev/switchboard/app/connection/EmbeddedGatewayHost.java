package dev.switchboard.app.connection;

import dev.switchboard.gateway.Gateway;
import dev.switchboard.gateway.GatewayConfig;
import dev.switchboard.gateway.cost.ModelPrice;
import dev.switchboard.gateway.store.Retention;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Owns the embedded gateway's life: start, stop, restart with new settings. Custom prices and the retention policy
 * are kept here so that they survive restarts. Blocking: call it off the FX thread.
 */
public final class EmbeddedGatewayHost implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedGatewayHost.class);

    private final Function<GatewayConfig, Gateway> starter;
    private Gateway gateway;
    private List<ModelPrice> prices = List.of();
    private Retention.Policy retention = Retention.Policy.KEEP_ALL;

    public EmbeddedGatewayHost() {
        this(Gateway::start);
    }

    EmbeddedGatewayHost(Function<GatewayConfig, Gateway> starter) {
        this.starter = starter;
    }

    /** Stops any running gateway and starts one with {@code config}; returns a client for it. */
    public synchronized GatewayClient start(GatewayConfig config) {
        stop();
        gateway = starter.apply(config);
        gateway.prices().setCustomPrices(prices);
        gateway.retention().setPolicy(retention);
        return new EmbeddedGatewayClient(gateway, "Embedded gateway on " + gateway.baseUrl());
    }

    public synchronized void stop() {
        if (gateway != null) {
            Gateway stopping = gateway;
            gateway = null;
            stopping.close();
        }
    }

    public synchronized Optional<Gateway> running() {
        return Optional.ofNullable(gateway);
    }

    public synchronized Optional<String> adminToken() {
        return running().map(Gateway::adminToken);
    }

    /** Applies to traces assembled from now on. */
    public synchronized void setCustomPrices(List<ModelPrice> newPrices) {
        prices = List.copyOf(newPrices);
        running().ifPresent(g -> g.prices().setCustomPrices(prices));
    }

    /** @param maxAge null keeps any age; @param maxBytes 0 sets no size limit */
    public synchronized void setRetention(Duration maxAge, long maxBytes) {
        retention = new Retention.Policy(maxAge, maxBytes);
        running().ifPresent(g -> g.retention().setPolicy(retention));
        LOG.info("Retention: max age {}, max bytes {}", maxAge == null ? "none" : maxAge,
                maxBytes > 0 ? maxBytes : "none");
    }

    @Override
    public void close() {
        stop();
    }
}
