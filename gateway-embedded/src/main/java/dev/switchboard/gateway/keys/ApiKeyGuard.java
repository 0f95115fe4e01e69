package dev.switchboard.gateway.keys;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.gateway.GatewayException;
import dev.switchboard.gateway.cost.PriceTable;
import dev.switchboard.gateway.cost.TokenEstimator;
import dev.switchboard.gateway.cost.TokenUsage;
import dev.switchboard.gateway.keys.UsageCounters.Period;
import dev.switchboard.gateway.trace.Trace;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Admits a request against the caller's gateway API key: valid and allowed the model, within its requests and
 * tokens per minute, and within its daily and monthly budgets. Budgets hold back the request's worst-case cost
 * while it runs (its input plus {@code max_tokens} of output), so concurrent requests cannot spend past a budget;
 * the real cost replaces the hold once the trace is priced.
 */
public final class ApiKeyGuard {
    /** Output assumed for the hold when a request sets no {@code max_tokens}. */
    static final int DEFAULT_MAX_OUTPUT_TOKENS = 4096;

    private final ApiKeyStore keys;
    private final UsageCounters counters;
    private final GatewaySettings settings;
    private final PriceTable prices;
    private final TokenEstimator estimator;
    private final Clock clock;

    public ApiKeyGuard(ApiKeyStore keys, UsageCounters counters, GatewaySettings settings, PriceTable prices,
                       TokenEstimator estimator, Clock clock) {
        this.keys = keys;
        this.counters = counters;
        this.settings = settings;
        this.prices = prices;
        this.estimator = estimator;
        this.clock = clock;
    }

    /** A request let in: its key (null for anonymous callers) and the budget holds to settle. */
    public record Admission(ApiKey key, List<Hold> holds) {
        public static final Admission ANONYMOUS = new Admission(null, List.of());
    }

    /** Money set aside in one budget window. */
    public record Hold(String period, BigDecimal amount) {
    }

    /**
     * The caller's key from {@code x-switchboard-api-key} or Portkey's {@code x-portkey-api-key}; null for an
     * anonymous caller where the gateway allows one. Known before its limits are checked, so a refused request is
     * still attributed to its key.
     */
    public ApiKey identify(UnaryOperator<String> header) {
        String presented = firstNonBlank(header.apply("x-switchboard-api-key"), header.apply("x-portkey-api-key"));
        ApiKey key = presented == null ? null : keys.authenticate(presented).orElse(null);
        if (key == null && settings.requireApiKeys()) {
            throw new GatewayException(401, "authentication_error", "invalid_api_key", null, presented == null
                    ? "This gateway requires an API key: send it in x-switchboard-api-key (or x-portkey-api-key)"
                    : "The gateway API key is not valid or was revoked");
        }
        return key;
    }

    /** Checks the key's model list, rate limits and budgets, holding the request's worst-case cost. */
    public Admission admit(ApiKey key, String model, ObjectNode request) {
        if (key == null) {
            return Admission.ANONYMOUS;
        }
        checkModel(key, model);
        Instant now = clock.instant();
        checkRate(key, now);
        return new Admission(key, reserve(key, model, request, now));
    }

    /** Replaces the holds by what the request really cost and counts its tokens. */
    public void settle(Admission admission, Trace trace) {
        if (admission.key() == null) {
            return;
        }
        String keyId = admission.key().id();
        BigDecimal cost = trace.costUsd() == null ? BigDecimal.ZERO : trace.costUsd();
        long tokens = (trace.inputTokens() == null ? 0 : trace.inputTokens())
                + (trace.outputTokens() == null ? 0 : trace.outputTokens());
        Instant at = trace.startedAt();
        counters.settle(keyId, Period.MINUTE.key(at), BigDecimal.ZERO, BigDecimal.ZERO, tokens);
        for (Period period : List.of(Period.DAY, Period.MONTH)) {
            BigDecimal held = admission.holds().stream().filter(h -> h.period().equals(period.key(at)))
                    .map(Hold::amount).findFirst().orElse(BigDecimal.ZERO);
            counters.settle(keyId, period.key(at), held, cost, tokens);
        }
    }

    private static void checkModel(ApiKey key, String model) {
        if (!key.allowedModels().isEmpty() && !key.allowedModels().contains(model)) {
            throw new GatewayException(403, "permission_error", "model_not_allowed", "model",
                    "Model '" + model + "' is not allowed for API key '" + key.name() + "'; allowed: "
                            + String.join(", ", key.allowedModels()));
        }
    }

    private void checkRate(ApiKey key, Instant now) {
        String minute = Period.MINUTE.key(now);
        if (key.tokensPerMinute() != null && counters.usage(key.id(), minute).tokens() >= key.tokensPerMinute()) {
            throw limited(key, key.tokensPerMinute() + " tokens per minute", Period.MINUTE.resetsAt(now), now);
        }
        if (key.requestsPerMinute() != null && !counters.tryCountRequest(key.id(), minute, key.requestsPerMinute())) {
            throw limited(key, key.requestsPerMinute() + " requests per minute", Period.MINUTE.resetsAt(now), now);
        }
    }

    private List<Hold> reserve(ApiKey key, String model, ObjectNode request, Instant now) {
        if (key.budgetDayUsd() == null && key.budgetMonthUsd() == null) {
            return List.of();
        }
        BigDecimal worstCase = worstCaseCost(model, request);
        List<Hold> holds = new ArrayList<>();
        for (Period period : List.of(Period.DAY, Period.MONTH)) {
            BigDecimal budget = period == Period.DAY ? key.budgetDayUsd() : key.budgetMonthUsd();
            if (budget == null) {
                continue;
            }
            String window = period.key(now);
            if (!counters.tryReserve(key.id(), window, worstCase, budget)) {
                holds.forEach(h -> counters.settle(key.id(), h.period(), h.amount(), BigDecimal.ZERO, 0));
                String which = period == Period.DAY ? "daily" : "monthly";
                throw limited(key, which + " budget of $" + budget.toPlainString(), period.resetsAt(now), now);
            }
            holds.add(new Hold(window, worstCase));
        }
        return holds;
    }

    private BigDecimal worstCaseCost(String model, ObjectNode request) {
        int input = request.has("messages") ? estimator.countMessages(model, request.get("messages")) : 0;
        int maxOutput = request.path("max_completion_tokens").asInt(request.path("max_tokens")
                .asInt(DEFAULT_MAX_OUTPUT_TOKENS));
        return prices.cost(model, new TokenUsage(input, maxOutput, 0, 0, true), request)
                .map(cost -> cost.setScale(10, RoundingMode.UP))
                .orElse(BigDecimal.ZERO);
    }

    private static GatewayException limited(ApiKey key, String limit, Instant resetsAt, Instant now) {
        long seconds = Math.max(1, Duration.between(now, resetsAt).toSeconds());
        return new RateLimitedException("The " + limit + " of API key '" + key.name() + "' is used up; it resets at "
                + resetsAt, seconds);
    }

    /** A 429 that tells the caller how long to wait. */
    public static final class RateLimitedException extends GatewayException {
        private final long retryAfterSeconds;

        RateLimitedException(String message, long retryAfterSeconds) {
            super(429, "rate_limit_error", "rate_limit_exceeded", null, message);
            this.retryAfterSeconds = retryAfterSeconds;
        }

        public long retryAfterSeconds() {
            return retryAfterSeconds;
        }
    }

    private static String firstNonBlank(String first, String second) {
        if (first != null && !first.isBlank()) {
            return first.trim();
        }
        return second != null && !second.isBlank() ? second.trim() : null;
    }
}
