package dev.switchboard.app.playground;

import dev.switchboard.gateway.cost.ModelPrice;
import dev.switchboard.gateway.cost.PriceTable;
import dev.switchboard.gateway.cost.TokenUsage;
import java.math.BigDecimal;
import java.util.List;
import java.util.function.Supplier;

/**
 * A call's cost from the provider's token counts and the same price table the gateway uses for traces (bundled
 * prices plus the user's own). The table is read on first use, which is on a stream thread, never the FX thread.
 */
public final class CostCalculator {
    private final Supplier<List<ModelPrice>> customPrices;
    private PriceTable prices;

    /** @param customPrices the user's prices, which win over the bundled ones; read at each call */
    public CostCalculator(Supplier<List<ModelPrice>> customPrices) {
        this.customPrices = customPrices;
    }

    /** USD, or null when the tokens are unknown or the model has no price (never a guess). */
    BigDecimal cost(String model, Integer inputTokens, Integer outputTokens) {
        if (inputTokens == null || outputTokens == null) {
            return null;
        }
        return table().cost(model, new TokenUsage(inputTokens, outputTokens, 0, 0, false), null).orElse(null);
    }

    private synchronized PriceTable table() {
        if (prices == null) {
            prices = PriceTable.bundled();
        }
        prices.setCustomPrices(customPrices.get());
        return prices;
    }
}
