package dev.switchboard.gateway.cost;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** The price of one model family: a name pattern and its tiers, the default tier first. */
public record ModelPrice(String modelName, Pattern matchPattern, List<Tier> tiers) {

    /**
     * One pricing tier. Prices are USD per token; {@code cachedInput} is null where the provider has no discount.
     *
     * @param parameterConditions request parameter name → accepted values (e.g. service_tier in [flex])
     * @param minInputTokens      the tier applies only above this many input tokens (long-context pricing), or null
     */
    public record Tier(boolean isDefault, int priority, BigDecimal input, BigDecimal cachedInput, BigDecimal output,
                       Map<String, List<String>> parameterConditions, Long minInputTokens) {
    }

    public boolean matches(String model) {
        return matchPattern.matcher(model).matches();
    }
}
