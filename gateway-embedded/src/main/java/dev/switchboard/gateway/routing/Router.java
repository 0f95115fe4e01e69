package dev.switchboard.gateway.routing;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.gateway.GatewayException;
import dev.switchboard.gateway.routing.AttemptResult.Failure;
import dev.switchboard.gateway.routing.AttemptResult.Success;
import dev.switchboard.gateway.routing.RouteNode.StrategyNode;
import dev.switchboard.gateway.routing.RouteNode.TargetNode;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Runs a routing config for one request: picks targets by strategy (single, fallback, loadbalance, conditional,
 * nested), retries a target per its retry policy with backoff, and skips targets whose circuit is open. The
 * actual call is the caller's {@link Attempter}, so the same logic serves plain and streamed requests: an
 * attempt only fails before anything reached the client, which is when retrying and falling back are safe.
 */
public final class Router {

    /** Makes one call to one target; {@code retry} is 0 for the first try. */
    @FunctionalInterface
    public interface Attempter {
        AttemptResult attempt(TargetNode target, int retry);
    }

    /** Told about targets left out because their circuit is open. */
    @FunctionalInterface
    public interface SkipListener {
        void skipped(TargetNode target);
    }

    /**
     * The final result, the config path of the target that produced it and how many retries that target took.
     */
    public record Outcome(AttemptResult result, String lastUsedPath, int retries) {
    }

    private final CircuitBreakers breakers;
    private final Sleeper sleeper;

    /** Waits between retries; tests replace it to run without real delays. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    public Router(CircuitBreakers breakers, Sleeper sleeper) {
        this.breakers = breakers;
        this.sleeper = sleeper;
    }

    /**
     * @param conditions {@code {"metadata":{…},"params":{…}}} for conditional strategies
     */
    public Outcome route(RouteNode root, JsonNode conditions, Attempter attempter, SkipListener skips) {
        return run(root, false, conditions, attempter, skips);
    }

    private Outcome run(RouteNode node, boolean guarded, JsonNode conditions, Attempter attempter,
                        SkipListener skips) {
        return switch (node) {
            case TargetNode target -> runTarget(target, guarded, attempter, skips);
            case StrategyNode strategy -> switch (strategy.mode()) {
                case SINGLE -> run(strategy.targets().getFirst(), guarded, conditions, attempter, skips);
                case CONDITIONAL -> run(select(strategy, conditions), guarded, conditions, attempter, skips);
                case LOADBALANCE -> run(pick(strategy.targets()), true, conditions, attempter, skips);
                case FALLBACK -> fallback(strategy, conditions, attempter, skips);
            };
        };
    }

    private Outcome fallback(StrategyNode strategy, JsonNode conditions, Attempter attempter, SkipListener skips) {
        Outcome last = null;
        for (RouteNode child : strategy.targets()) {
            Outcome outcome = run(child, true, conditions, attempter, skips);
            if (outcome.result() instanceof Success) {
                return outcome;
            }
            last = outcome;
            Failure failure = (Failure) outcome.result();
            boolean skipped = failure.error().code() != null && failure.error().code().equals("circuit_open");
            if (!skipped && !strategy.fallsBackOn(failure.status())) {
                return outcome;
            }
        }
        return last;
    }

    private Outcome runTarget(TargetNode target, boolean guarded, Attempter attempter, SkipListener skips) {
        String key = breakerKey(target);
        if (guarded && !breakers.allow(key)) {
            skips.skipped(target);
            return new Outcome(new Failure(503, new GatewayException(503, "api_error", "circuit_open", null,
                    "Target " + target.path() + " (" + label(target) + ") is failing repeatedly and is skipped "
                            + "for a cool-down"), null), target.path(), 0);
        }
        for (int retry = 0; ; retry++) {
            AttemptResult result = attempter.attempt(target, retry);
            if (result instanceof Success) {
                if (guarded) {
                    breakers.recordSuccess(key);
                }
                return new Outcome(result, target.path(), retry);
            }
            Failure failure = (Failure) result;
            if (retry < target.retry().attempts() && target.retry().retries(failure.status())) {
                if (!pause(Backoff.delay(retry, failure.retryAfter(), target.retry().useRetryAfterHeader()))) {
                    return new Outcome(failure, target.path(), retry);
                }
                continue;
            }
            if (guarded && countsAgainstHealth(failure.status())) {
                breakers.recordFailure(key);
            }
            return new Outcome(failure, target.path(), retry);
        }
    }

    private boolean pause(Duration delay) {
        try {
            sleeper.sleep(delay);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static RouteNode select(StrategyNode strategy, JsonNode conditions) {
        for (RouteNode.Condition condition : strategy.conditions()) {
            if (ConditionQuery.matches(condition.query(), conditions)) {
                return strategy.target(condition.then());
            }
        }
        if (strategy.defaultTarget() == null) {
            throw GatewayException.badRequest(strategy.path() + ".strategy.default",
                    "No condition of " + strategy.path() + " matched this request and it has no default target");
        }
        return strategy.target(strategy.defaultTarget());
    }

    /** Weighted random choice, leaving out targets whose circuit is open while any other is available. */
    private RouteNode pick(List<RouteNode> targets) {
        List<RouteNode> healthy = targets.stream().filter(t -> t.weight() > 0)
                .filter(t -> !(t instanceof TargetNode target) || !breakers.isOpen(breakerKey(target))).toList();
        List<RouteNode> pool = healthy.isEmpty() ? targets.stream().filter(t -> t.weight() > 0).toList() : healthy;
        double total = pool.stream().mapToDouble(RouteNode::weight).sum();
        double roll = ThreadLocalRandom.current().nextDouble(total);
        for (RouteNode target : pool) {
            roll -= target.weight();
            if (roll < 0) {
                return target;
            }
        }
        return pool.getLast();
    }

    private static boolean countsAgainstHealth(int status) {
        return status == 429 || status >= 500;
    }

    /** Identifies a target by what it calls, so configs that share a target share its circuit. */
    static String breakerKey(TargetNode target) {
        String model = target.overrideParams().path("model").asText("");
        return String.join("|", String.valueOf(target.provider()), String.valueOf(target.virtualKey()),
                String.valueOf(target.customHost()), model);
    }

    private static String label(TargetNode target) {
        return target.provider() != null ? target.provider() : "virtual key " + target.virtualKey();
    }
}
