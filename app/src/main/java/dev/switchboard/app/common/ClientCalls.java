package dev.switchboard.app.common;

import java.util.function.Consumer;
import javafx.beans.value.ObservableValue;

/**
 * Runs one blocking call on a page's gateway client off the FX thread and lands the answer on the FX thread,
 * unless the app switched gateways meanwhile: an answer about another gateway is dropped, not shown.
 *
 * @param <C> the page's client type
 */
public class ClientCalls<C> {
    public static final String NOT_CONNECTED = "Not connected to a gateway";

    private final ObservableValue<C> client;
    private final UiTasks tasks;

    public ClientCalls(ObservableValue<C> client, UiTasks tasks) {
        this.client = client;
        this.tasks = tasks;
    }

    /** A blocking call on a client. */
    @FunctionalInterface
    public interface Call<C, T> {
        T on(C client) throws Exception;
    }

    /**
     * @param onError gets a readable sentence, never a stack trace
     * @param onDone  runs after success or error, also for dropped answers, so "busy" flags always clear
     */
    public <T> void run(Call<C, T> call, Consumer<? super T> onSuccess, Consumer<String> onError, Runnable onDone) {
        C used = client.getValue();
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
                onError.accept(UserMessages.of(e));
            }
        }).onDone(onDone).start();
    }

    public <T> void run(Call<C, T> call, Consumer<? super T> onSuccess, Consumer<String> onError) {
        run(call, onSuccess, onError, () -> { });
    }
}
