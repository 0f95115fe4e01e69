package dev.switchboard.app.routing;

import dev.switchboard.app.common.ClientCalls;
import dev.switchboard.app.common.UiTasks;
import javafx.beans.value.ObservableValue;

/** {@link ClientCalls} on the gateway's routing and keys: what every tab of the page runs its calls through. */
final class GovernanceCalls extends ClientCalls<GovernanceClient> {

    GovernanceCalls(ObservableValue<GovernanceClient> client, UiTasks tasks) {
        super(client, tasks);
    }
}
