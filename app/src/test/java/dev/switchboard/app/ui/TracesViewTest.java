package dev.switchboard.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.app.FakeGatewayClient;
import dev.switchboard.app.common.UiTasks;
import dev.switchboard.app.connection.GatewayClient;
import dev.switchboard.app.connection.LiveHub;
import dev.switchboard.app.traces.TraceDetailViewModel;
import dev.switchboard.app.traces.TracesView;
import dev.switchboard.app.traces.TracesViewModel;
import java.time.Clock;
import java.time.Instant;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.scene.Scene;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Traces page before its gateway answers (the embedded one starts after the first window is drawn): it says it
 * is waiting, then shows the traces, or the getting-started view when there are none.
 */
@ExtendWith(ApplicationExtension.class)
class TracesViewTest {
    private final SimpleObjectProperty<GatewayClient> client = new SimpleObjectProperty<>();

    @Start
    void start(Stage stage) {
        TracesViewModel vm = new TracesViewModel(client, new LiveHub(), UiTasks.sameThread(), Clock.systemUTC());
        TraceDetailViewModel detail = new TraceDetailViewModel(client, UiTasks.sameThread());
        stage.setScene(new Scene(new TracesView(vm, detail, new SimpleStringProperty("http://127.0.0.1:8787"),
                () -> { }), 1200, 760));
        stage.show();
    }

    @Test
    void waitsForTheGatewayThenShowsItsTraces(FxRobot robot) {
        assertThat(robot.lookup("#tracesWaiting").queryLabeled().isVisible()).isTrue();
        assertThat(robot.lookup("#traceTable").tryQuery()).isEmpty();

        FakeGatewayClient gateway = new FakeGatewayClient();
        gateway.write(FakeGatewayClient.trace("t-1", Instant.now(), "gpt-4o-mini", 200));
        robot.interact(() -> client.set(gateway));
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(robot.lookup("#tracesWaiting").tryQuery()).isEmpty();
        assertThat(robot.lookup("#traceSplit").query().isVisible()).isTrue();
        TableView<?> table = robot.lookup("#traceTable").queryTableView();
        assertThat(table.getItems()).hasSize(1);
        assertThat(robot.lookup("#gettingStarted").tryQuery().filter(n -> n.isVisible())).isEmpty();
    }

    @Test
    void aGatewayWithoutTracesShowsHowToSendTheFirst(FxRobot robot) {
        robot.interact(() -> client.set(new FakeGatewayClient()));
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(robot.lookup("#gettingStarted").query().isVisible()).isTrue();
        assertThat(robot.lookup("#tracesWaiting").tryQuery()).isEmpty();
        assertThat(robot.lookup("#traceSplit").query().isVisible()).isFalse();
    }
}
