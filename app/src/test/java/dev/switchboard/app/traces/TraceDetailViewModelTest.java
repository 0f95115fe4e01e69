package dev.switchboard.app.traces;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.app.FakeGatewayClient;
import dev.switchboard.app.common.UiTasks;
import dev.switchboard.app.connection.GatewayClient;
import dev.switchboard.gateway.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TraceDetailViewModelTest {
    @TempDir
    Path dir;
    private final FakeGatewayClient gateway = new FakeGatewayClient();
    private final SimpleObjectProperty<GatewayClient> client = new SimpleObjectProperty<>(gateway);
    private final TraceDetailViewModel vm = new TraceDetailViewModel(client, UiTasks.sameThread());

    @Test
    void showsTheSelectedTraceInFullAndClearsWhenTheGatewayChanges() {
        gateway.stored.add(FakeGatewayClient.trace("t1", Instant.parse("2026-01-01T00:00:00Z"), "gpt-4o", 200));

        vm.show("t1");

        assertThat(vm.trace().get().id()).isEqualTo("t1");
        assertThat(vm.requestJson().get()).contains("\"model\" : \"gpt-4o\"");
        assertThat(vm.curl()).startsWith("curl 'http://fake:1/v1/chat/completions'");

        client.set(new FakeGatewayClient());
        assertThat(vm.trace().get()).isNull();
        assertThat(vm.curl()).isNull();
    }

    @Test
    void aTraceThatIsGoneSaysSo() {
        vm.show("deleted-by-retention");

        assertThat(vm.trace().get()).isNull();
        assertThat(vm.message().get()).isEqualTo("Trace deleted-by-retention is no longer stored (deleted by retention?)");
    }

    @Test
    void exportsSelectedTracesAsJsonWithBodiesOrAsCsv() throws Exception {
        gateway.stored.add(FakeGatewayClient.trace("a", Instant.parse("2026-01-01T00:00:00Z"), "gpt-4o", 200));
        gateway.stored.add(FakeGatewayClient.trace("b", Instant.parse("2026-01-01T00:00:01Z"), "gpt-4o", 500));

        vm.export(List.of("a", "b"), TraceExport.Format.JSON, dir.resolve("t.json"));
        vm.export(List.of("b"), TraceExport.Format.CSV, dir.resolve("t.csv"));

        var json = Json.read(Files.readString(dir.resolve("t.json")));
        assertThat(json).hasSize(2);
        assertThat(json.get(0).path("requestBody").asText()).contains("gpt-4o");
        assertThat(Files.readAllLines(dir.resolve("t.csv"))).hasSize(2);
        assertThat(vm.message().get()).isEqualTo("Exported 1 trace to " + dir.resolve("t.csv"));

        vm.export(List.of(), TraceExport.Format.CSV, dir.resolve("none.csv"));
        assertThat(vm.message().get()).isEqualTo("Select traces to export first");
    }
}
