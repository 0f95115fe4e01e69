package dev.switchboard.gateway.cost;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.gateway.Json;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class PriceTableTest {
    private final PriceTable prices = PriceTable.bundled();
    private static final JsonNode NO_PARAMS = Json.object();

    @Test
    void pricesInputCachedInputAndOutputSeparately() {
        // gpt-4o-mini: 600k uncached × $0.15/M + 400k cached × $0.075/M + 1M output × $0.60/M
        BigDecimal cost = prices.cost("gpt-4o-mini", new TokenUsage(1_000_000, 1_000_000, 400_000, 0, false),
                NO_PARAMS).orElseThrow();

        assertThat(cost).isEqualByComparingTo("0.72");
    }

    @Test
    void matchesModelNamesCaseInsensitivelyAndWithVendorPrefixes() {
        assertThat(prices.find("GPT-4o")).isPresent();
        assertThat(prices.find("openai/gpt-4o")).isPresent();
        assertThat(prices.find("claude-3-5-sonnet-20241022")).isPresent();
    }

    @Test
    void leavesUnknownModelsWithoutACostRatherThanGuessing() {
        assertThat(prices.cost("my-finetune-xyz", new TokenUsage(10, 10, 0, 0, false), NO_PARAMS)).isEmpty();
        assertThat(prices.cost(null, new TokenUsage(10, 10, 0, 0, false), NO_PARAMS)).isEmpty();
    }

    @Test
    void choosesTheTierTheRequestAskedFor() {
        TokenUsage usage = new TokenUsage(1_000_000, 0, 0, 0, false);
        BigDecimal standard = prices.cost("gpt-4o", usage, NO_PARAMS).orElseThrow();
        BigDecimal priority = prices.cost("gpt-4o", usage, Json.read("{\"service_tier\":\"priority\"}")).orElseThrow();

        assertThat(standard).isEqualByComparingTo("2.5");
        assertThat(priority).isEqualByComparingTo("4.25");
    }

    @Test
    void pricesEmbeddingModelsThatHaveOneTotalPrice() {
        assertThat(prices.cost("text-embedding-3-small", new TokenUsage(1_000_000, 0, 0, 0, false), NO_PARAMS))
                .hasValueSatisfying(cost -> assertThat(cost).isEqualByComparingTo("0.02"));
    }

    @Test
    void letsUserPricesOverrideBundledOnes() {
        prices.setCustomPrices(List.of(new ModelPrice("gpt-4o", Pattern.compile("(?i)^gpt-4o$"), List.of(
                new ModelPrice.Tier(true, 0, new BigDecimal("0.000001"), null, new BigDecimal("0.000002"), Map.of(),
                        null)))));

        assertThat(prices.cost("gpt-4o", new TokenUsage(1000, 1000, 0, 0, false), NO_PARAMS))
                .hasValueSatisfying(cost -> assertThat(cost).isEqualByComparingTo("0.003"));
    }
}
