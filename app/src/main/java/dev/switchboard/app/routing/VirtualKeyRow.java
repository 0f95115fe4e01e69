package dev.switchboard.app.routing;

import dev.switchboard.app.routing.GovernanceClient.VirtualKey;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleObjectProperty;

/** One row of the virtual key table: the key as the gateway shows it, and the outcome of its connection test. */
public final class VirtualKeyRow {
    private final VirtualKey key;
    private final ObjectProperty<TestOutcome> test = new SimpleObjectProperty<>(TestOutcome.NOT_RUN);

    VirtualKeyRow(VirtualKey key) {
        this.key = key;
    }

    public VirtualKey key() {
        return key;
    }

    public ReadOnlyObjectProperty<TestOutcome> test() {
        return test;
    }

    void test(TestOutcome outcome) {
        test.set(outcome);
    }

    /** Where a connection test stands. */
    public enum TestState { NOT_RUN, RUNNING, OK, FAILED }

    /** A connection test's state and what the provider said, e.g. {@code ✓ The provider accepted the key}. */
    public record TestOutcome(TestState state, String message) {
        static final TestOutcome NOT_RUN = new TestOutcome(TestState.NOT_RUN, "");
        static final TestOutcome RUNNING = new TestOutcome(TestState.RUNNING, "Testing…");

        static TestOutcome ok(String message) {
            return new TestOutcome(TestState.OK, "✓ " + message);
        }

        static TestOutcome failed(String message) {
            return new TestOutcome(TestState.FAILED, "✗ " + message);
        }
    }
}
