package dev.switchboard.app.settings;

import dev.switchboard.gateway.cost.ModelPrice;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A price the user sets for a model, in USD per million tokens as providers publish them. {@code model} is an exact
 * name or a pattern with {@code *} (e.g. {@code my-finetune-*}). {@code cachedInputPerMillion} may be null.
 */
public record CustomPrice(String model, BigDecimal inputPerMillion, BigDecimal outputPerMillion,
                          BigDecimal cachedInputPerMillion) {
    private static final BigDecimal MILLION = BigDecimal.valueOf(1_000_000);

    /** The gateway's per-token form. */
    public ModelPrice toModelPrice() {
        ModelPrice.Tier tier = new ModelPrice.Tier(true, 0, perToken(inputPerMillion), perToken(cachedInputPerMillion),
                perToken(outputPerMillion), Map.of(), null);
        return new ModelPrice(model, glob(model), List.of(tier));
    }

    private static BigDecimal perToken(BigDecimal perMillion) {
        return perMillion == null ? null : perMillion.divide(MILLION, MathContext.DECIMAL64);
    }

    static Pattern glob(String model) {
        StringBuilder regex = new StringBuilder();
        for (String part : model.trim().split("\\*", -1)) {
            if (!regex.isEmpty()) {
                regex.append(".*");
            }
            regex.append(Pattern.quote(part));
        }
        return Pattern.compile(regex.toString());
    }
}
