package dev.switchboard.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class ShutdownSequenceTest {
    private final List<String> closed = new CopyOnWriteArrayList<>();

    private AutoCloseable step(String name) {
        return () -> closed.add(name);
    }

    @Test
    void closesEveryStepInOrderOnce() {
        ShutdownSequence sequence = new ShutdownSequence(List.of(step("live feed"), step("gateway"), step("settings")));

        sequence.closeNow(Duration.ofSeconds(5));
        sequence.closeAll();

        assertThat(closed).containsExactly("live feed", "gateway", "settings");
    }

    @Test
    void aStepThatFailsDoesNotKeepTheOthersOpen() {
        AutoCloseable broken = () -> {
            throw new IllegalStateException("demo gateway would not stop");
        };
        ShutdownSequence sequence = new ShutdownSequence(List.of(step("live feed"), broken, step("gateway")));

        sequence.closeAll();

        assertThat(closed).containsExactly("live feed", "gateway");
    }

    @Test
    void aSecondCallerWaitsUntilTheFirstHasFinished() throws Exception {
        AutoCloseable slowGateway = () -> {
            Thread.sleep(300);
            closed.add("gateway");
        };
        ShutdownSequence sequence = new ShutdownSequence(List.of(slowGateway));
        Thread window = Thread.ofPlatform().start(sequence::closeAll);
        while (window.getState() != Thread.State.TIMED_WAITING) {
            Thread.onSpinWait();
        }

        // As the JVM's hook does on SIGTERM while the window is closing: it must not let the JVM exit half-way.
        sequence.closeAll();

        assertThat(closed).containsExactly("gateway");
        window.join();
    }
}
