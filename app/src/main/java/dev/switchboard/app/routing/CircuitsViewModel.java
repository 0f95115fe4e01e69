package dev.switchboard.app.routing;

import dev.switchboard.app.common.Formats;
import dev.switchboard.app.routing.GovernanceClient.Circuit;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Circuit breakers: a target inside a fallback or loadbalance config that fails five times in a row is skipped for
 * a cool-down. Shows each known target's state, failures in a row and until when it is skipped.
 */
public final class CircuitsViewModel {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    private final GovernanceCalls calls;
    private final Clock clock;
    private final ZoneId zone;
    private final ObservableList<Circuit> rows = FXCollections.observableArrayList();
    private final StringProperty updated = new SimpleStringProperty();
    private final StringProperty error = new SimpleStringProperty();
    private final BooleanProperty loading = new SimpleBooleanProperty();
    private long generation;

    CircuitsViewModel(GovernanceCalls calls, Clock clock, ZoneId zone) {
        this.calls = calls;
        this.clock = clock;
        this.zone = zone;
    }

    public void refresh() {
        long mine = ++generation;
        loading.set(true);
        calls.run(GovernanceClient::circuits, circuits -> {
            if (mine == generation) {
                rows.setAll(circuits);
                error.set(null);
                long open = circuits.stream().filter(c -> c.state().equals("open")).count();
                updated.set((open == 0 ? "No target is being skipped" : open + (open == 1 ? " target is" : " targets are")
                        + " being skipped") + " · updated " + TIME.format(clock.instant().atZone(zone)));
            }
        }, problem -> {
            if (mine == generation) {
                error.set(problem);
            }
        }, () -> loading.set(false));
    }

    void clear() {
        generation++;
        rows.clear();
        updated.set(null);
        error.set(null);
    }

    /**
     * What a circuit's target calls, readable: the gateway names it {@code provider|virtual key|host|model}, e.g.
     * {@code openai|null|https://host/v1|gpt-4o} reads {@code openai · https://host/v1 · model gpt-4o}.
     */
    public static String target(Circuit circuit) {
        String[] parts = circuit.target().split("\\|", -1);
        if (parts.length != 4) {
            return circuit.target();
        }
        List<String> shown = new ArrayList<>();
        if (present(parts[1])) {
            shown.add("virtual key " + parts[1]);
        } else if (present(parts[0])) {
            shown.add(parts[0]);
        }
        if (present(parts[2])) {
            shown.add(parts[2]);
        }
        if (present(parts[3])) {
            shown.add("model " + parts[3]);
        }
        return shown.isEmpty() ? circuit.target() : String.join(" · ", shown);
    }

    /** {@code Open}, {@code Closed} or {@code Half-open (next request is a trial)}. */
    public static String state(Circuit circuit) {
        return switch (circuit.state()) {
            case "open" -> "Open: skipped";
            case "half-open" -> "Half-open: next request is a trial";
            case "closed" -> "Closed";
            default -> circuit.state();
        };
    }

    /** When an open circuit lets a trial through again, e.g. {@code 14:03:12 (in 23 s)}. */
    public String openUntil(Circuit circuit) {
        Instant until = circuit.openUntil();
        if (until == null) {
            return Formats.NONE;
        }
        String at = TIME.format(until.atZone(zone));
        Duration left = Duration.between(clock.instant(), until);
        if (left.isNegative() || left.isZero()) {
            return at + " (passed)";
        }
        long seconds = Math.max(1, left.toSeconds());
        return at + " (in " + (seconds < 120 ? seconds + " s" : left.toMinutes() + " min") + ")";
    }

    private static boolean present(String part) {
        return !part.isEmpty() && !part.equals("null");
    }

    public ObservableList<Circuit> rows() {
        return rows;
    }

    /** How many targets are skipped and when the table was read. */
    public ReadOnlyStringProperty updated() {
        return updated;
    }

    public ReadOnlyStringProperty error() {
        return error;
    }

    public ReadOnlyBooleanProperty loading() {
        return loading;
    }
}
