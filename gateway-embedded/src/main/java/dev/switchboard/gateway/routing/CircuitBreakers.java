package dev.switchboard.gateway.routing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Skips a target that keeps failing: after {@code threshold} failures in a row its circuit opens for
 * {@code coolDown}; then one request may try it (half-open) and a success closes it again. Only targets inside a
 * fallback or loadbalance strategy are guarded, where skipping one means trying another.
 */
public final class CircuitBreakers {

    /** A target's circuit as shown in the admin API. */
    public record Circuit(String target, String state, int consecutiveFailures, Instant openUntil) {
    }

    private static final class State {
        int failures;
        Instant openUntil;
        boolean trialInFlight;
    }

    private final int threshold;
    private final Duration coolDown;
    private final Clock clock;
    private final ConcurrentHashMap<String, State> states = new ConcurrentHashMap<>();

    public CircuitBreakers(int threshold, Duration coolDown, Clock clock) {
        this.threshold = threshold;
        this.coolDown = coolDown;
        this.clock = clock;
    }

    /** Whether the circuit is open right now (no side effects, unlike {@link #allow}). */
    public boolean isOpen(String target) {
        State state = states.get(target);
        if (state == null) {
            return false;
        }
        synchronized (state) {
            return state.openUntil != null && clock.instant().isBefore(state.openUntil);
        }
    }

    /** Whether the target may be tried now; a half-open circuit lets one trial through. */
    public boolean allow(String target) {
        State state = states.get(target);
        if (state == null) {
            return true;
        }
        synchronized (state) {
            if (state.openUntil == null) {
                return true;
            }
            if (clock.instant().isBefore(state.openUntil) || state.trialInFlight) {
                return false;
            }
            state.trialInFlight = true;
            return true;
        }
    }

    public void recordSuccess(String target) {
        states.remove(target);
    }

    public void recordFailure(String target) {
        State state = states.computeIfAbsent(target, t -> new State());
        synchronized (state) {
            state.failures++;
            state.trialInFlight = false;
            if (state.failures >= threshold) {
                state.openUntil = clock.instant().plus(coolDown);
            }
        }
    }

    public List<Circuit> snapshot() {
        Instant now = clock.instant();
        return states.entrySet().stream().map(e -> {
            State s = e.getValue();
            synchronized (s) {
                String state = s.openUntil == null ? "closed" : now.isBefore(s.openUntil) ? "open" : "half-open";
                return new Circuit(e.getKey(), state, s.failures, s.openUntil);
            }
        }).sorted(Comparator.comparing(Circuit::target)).toList();
    }
}
