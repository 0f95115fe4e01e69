package dev.switchboard.gateway.cost;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.gateway.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;

/**
 * Model prices: the bundled table (see {@code model-prices.SOURCE.md}) plus the user's own prices, which win.
 * A model with no matching entry has no price, so its cost stays unknown rather than guessed.
 */
public final class PriceTable {
    private static final String BUNDLED = "model-prices.json";
    private static final List<String> INPUT_KEYS = List.of("input", "input_tokens", "input_text");
    private static final List<String> CACHED_KEYS = List.of("input_cached_tokens", "cache_read_input_tokens",
            "input_cache_read", "cached_content_token_count", "input_cached_text_tokens");
    private static final List<String> OUTPUT_KEYS = List.of("output", "output_tokens", "output_text");

    private final List<ModelPrice> bundled;
    private final List<ModelPrice> custom = new CopyOnWriteArrayList<>();
    private final Map<String, Optional<ModelPrice>> lookups = new ConcurrentHashMap<>();

    private PriceTable(List<ModelPrice> bundled) {
        this.bundled = List.copyOf(bundled);
    }

    public static PriceTable bundled() {
        try (InputStream in = PriceTable.class.getResourceAsStream(BUNDLED)) {
            if (in == null) {
                throw new IllegalStateException("Bundled price table " + BUNDLED + " is missing");
            }
            List<ModelPrice> prices = new ArrayList<>();
            for (JsonNode entry : Json.MAPPER.readTree(in)) {
                ModelPrice price = parse(entry);
                if (!price.tiers().isEmpty()) {
                    prices.add(price);
                }
            }
            return new PriceTable(prices);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the bundled price table", e);
        }
    }

    /** Replaces the user's prices; they apply to traces assembled from now on. */
    public void setCustomPrices(List<ModelPrice> prices) {
        custom.clear();
        custom.addAll(prices);
        lookups.clear();
    }

    public Optional<ModelPrice> find(String model) {
        if (model == null || model.isBlank()) {
            return Optional.empty();
        }
        return lookups.computeIfAbsent(model, m -> custom.stream().filter(p -> p.matches(m)).findFirst()
                .or(() -> bundled.stream().filter(p -> p.matches(m)).findFirst()));
    }

    /** Known model names, for listing models when no provider is named. */
    public List<String> modelNames() {
        return bundled.stream().map(ModelPrice::modelName).toList();
    }

    /**
     * The cost of a call in USD, or empty when the model has no price.
     *
     * @param parameters the request's parameters, which may select a tier (e.g. {@code service_tier})
     */
    public Optional<BigDecimal> cost(String model, TokenUsage usage, JsonNode parameters) {
        return find(model).map(price -> {
            ModelPrice.Tier tier = tierFor(price, usage, parameters);
            BigDecimal cachedPrice = tier.cachedInput() == null ? tier.input() : tier.cachedInput();
            long uncached = Math.max(0, usage.input() - usage.cachedInput());
            return tier.input().multiply(BigDecimal.valueOf(uncached))
                    .add(cachedPrice.multiply(BigDecimal.valueOf(usage.cachedInput())))
                    .add(tier.output().multiply(BigDecimal.valueOf(usage.output())))
                    .stripTrailingZeros();
        });
    }

    private static ModelPrice.Tier tierFor(ModelPrice price, TokenUsage usage, JsonNode parameters) {
        return price.tiers().stream()
                .filter(tier -> !tier.isDefault() && applies(tier, usage, parameters))
                .min(Comparator.comparingInt(ModelPrice.Tier::priority))
                .orElse(price.tiers().getFirst());
    }

    private static boolean applies(ModelPrice.Tier tier, TokenUsage usage, JsonNode parameters) {
        if (tier.minInputTokens() != null && usage.input() <= tier.minInputTokens()) {
            return false;
        }
        for (var condition : tier.parameterConditions().entrySet()) {
            JsonNode value = parameters == null ? null : parameters.get(condition.getKey());
            if (value == null || !condition.getValue().contains(value.asText())) {
                return false;
            }
        }
        return true;
    }

    private static ModelPrice parse(JsonNode entry) {
        List<ModelPrice.Tier> tiers = new ArrayList<>();
        for (JsonNode tier : entry.path("pricingTiers")) {
            JsonNode prices = tier.path("prices");
            BigDecimal input = firstPrice(prices, INPUT_KEYS);
            BigDecimal output = firstPrice(prices, OUTPUT_KEYS);
            BigDecimal total = firstPrice(prices, List.of("total"));
            if (input == null) {
                // Some models (embeddings) have one price for every token.
                input = total;
                output = total;
            }
            if (input == null) {
                continue;
            }
            if (output == null) {
                output = BigDecimal.ZERO;
            }
            Map<String, List<String>> parameterConditions = new LinkedHashMap<>();
            Long minInputTokens = null;
            for (JsonNode condition : tier.path("conditions")) {
                if (condition.has("usageDetailPattern")) {
                    minInputTokens = condition.path("value").asLong();
                } else if ("model_parameters".equals(condition.path("source").asText())) {
                    List<String> values = new ArrayList<>();
                    condition.path("values").forEach(v -> values.add(v.asText()));
                    parameterConditions.put(condition.path("key").asText(), values);
                }
            }
            tiers.add(new ModelPrice.Tier(tier.path("isDefault").asBoolean(), tier.path("priority").asInt(),
                    input, firstPrice(prices, CACHED_KEYS), output, parameterConditions, minInputTokens));
        }
        tiers.sort(Comparator.comparing((ModelPrice.Tier t) -> !t.isDefault()));
        return new ModelPrice(entry.path("modelName").asText(), Pattern.compile(entry.path("matchPattern").asText()),
                tiers);
    }

    private static BigDecimal firstPrice(JsonNode prices, List<String> keys) {
        for (String key : keys) {
            JsonNode value = prices.get(key);
            if (value != null && value.isNumber()) {
                return value.decimalValue();
            }
        }
        return null;
    }
}
