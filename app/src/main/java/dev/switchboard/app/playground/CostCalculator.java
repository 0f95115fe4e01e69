package dev.switchboard.app.playground;

import dev.switchboard.gateway.cost.PriceTable;
import dev.switchboard.gateway.cost.TokenUsage;
import java.math.BigDecimal;

/** A call's cost from the provider's token counts and the same price table the gateway uses for traces. */
public final class CostCalculator {
    private final PriceTable prices;

    /** @param prices the bundled table with the user's custom prices applied */
    public CostCalculator(PriceTable prices) {
        this.prices = prices;
    }

    /** USD, or null when the tokens are unknown or the model has no price (never a guess). */
    BigDecimal cost(String model, Integer inputTokens, Integer outputTokens) {
        if (inputTokens == null || outputTokens == null) {
            return null;
        }
        return prices.cost(model, new TokenUsage(inputTokens, outputTokens, 0, 0, false), null).orElse(null);
    }
}
