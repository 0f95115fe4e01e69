package dev.switchboard.app.routing;

import dev.switchboard.app.common.UiTasks;
import dev.switchboard.app.common.UserMessages;
import java.util.function.Consumer;
import javafx.beans.value.ObservableValue;

/**
 * Runs one governance call off the FX thread against the gateway the page looks at, and lands the answer on the FX
 * thread, unless the app switched gateways meanwhile: an answer about another gateway is dropped, not shown.
 * A refusal reaches the page as a sentence naming the field by its form label.
 */
final class GovernanceCalls {
    static final String NOT_CONNECTED = "Not connected to a gateway";

    private final ObservableValue<GovernanceClient> client;
    private final UiTasks tasks;

    GovernanceCalls(ObservableValue<GovernanceClient> client, UiTasks tasks) {
        this.client = client;
        this.tasks = tasks;
    }

    /** A blocking call on a governance client. */
    @FunctionalInterface
    interface Call<T> {
        T on(GovernanceClient client) throws Exception;
    }

    /**
     * @param onError gets a readable sentence, never a stack trace
     * @param onDone  runs after success or error, also for dropped answers, so "busy" flags always clear
     */
    <T> void run(Call<T> call, Consumer<? super T> onSuccess, Consumer<String> onError, Runnable onDone) {
        GovernanceClient used = client.getValue();
        if (used == null) {
            onError.accept(NOT_CONNECTED);
            onDone.run();
            return;
        }
        tasks.supply(() -> call.on(used)).onSuccess(value -> {
            if (used == client.getValue()) {
                onSuccess.accept(value);
            }
        }).onError(e -> {
            if (used == client.getValue()) {
                onError.accept(e instanceof GovernanceException refused ? FieldLabels.readable(refused)
                        : UserMessages.of(e));
            }
        }).onDone(onDone).start();
    }

    <T> void run(Call<T> call, Consumer<? super T> onSuccess, Consumer<String> onError) {
        run(call, onSuccess, onError, () -> { });
    }
}
