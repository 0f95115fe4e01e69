package dev.switchboard.app.traces;

import dev.switchboard.app.common.Clipboards;
import dev.switchboard.app.common.Formats;
import dev.switchboard.app.common.Icons;
import dev.switchboard.app.common.Styles;
import dev.switchboard.app.common.Tabs;
import dev.switchboard.gateway.trace.Trace;
import java.time.ZoneId;
import java.util.Map;
import javafx.beans.binding.Bindings;
import javafx.beans.property.SimpleStringProperty;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;

/** The detail pane: the selected trace as chat, raw JSON, headers, span timeline and cost. */
final class TraceDetailView extends BorderPane {
    private final TraceDetailViewModel vm;
    private final Label title = new Label("Select a trace");
    private final Label subtitle = new Label();
    private final ChatPane chat = new ChatPane();
    private final SpanTimeline timeline = new SpanTimeline();
    private final CostBreakdown cost = new CostBreakdown();

    TraceDetailView(TraceDetailViewModel vm) {
        this.vm = vm;
        setId("traceDetail");
        setMinWidth(320);
        setTop(header());
        TabPane tabs = new TabPane(
                Tabs.whileSelected("Chat", chat),
                new JsonTab("Request", "requestJson", vm.requestJson()),
                new JsonTab("Response", "responseJson", vm.responseJson()),
                Tabs.whileSelected("Headers", headersTable()),
                Tabs.whileSelected("Timeline", timelineScroll()),
                Tabs.whileSelected("Cost", cost));
        tabs.setId("detailTabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.getStyleClass().add(atlantafx.base.theme.Styles.DENSE);
        setCenter(tabs);

        vm.trace().addListener((obs, old, trace) -> showTrace(trace));
        vm.conversation().addListener((ListChangeListener<ChatMessage>) change -> chat.show(vm.conversation()));
    }

    private ScrollPane timelineScroll() {
        ScrollPane scroll = new ScrollPane(timeline);
        scroll.setFitToWidth(true);
        return scroll;
    }

    private VBox header() {
        title.setId("detailTitle");
        title.getStyleClass().add(Styles.SECTION_TITLE);
        subtitle.setId("detailSubtitle");
        subtitle.getStyleClass().add(Styles.MUTED);
        subtitle.setWrapText(true);
        Button curl = Icons.button("copyCurl", "Copy as cURL", Feather.TERMINAL);
        curl.setTooltip(new Tooltip("Copies a command that replays this call through the gateway; "
                + "your key stays in $OPENAI_API_KEY"));
        curl.setOnAction(e -> Clipboards.copy(vm.curl()));
        Button playground = Icons.button("openPlayground", "Open in Playground", Feather.PLAY);
        playground.setTooltip(new Tooltip("Opens this call's messages, model and parameters in the Playground, "
                + "to run it again or against other models"));
        playground.setOnAction(e -> vm.openInPlayground());
        playground.disableProperty().bind(Bindings.createBooleanBinding(() -> !vm.canOpenInPlayground(
                vm.trace().get()), vm.trace()));
        curl.disableProperty().bind(vm.trace().isNull());
        Label message = new Label();
        message.setId("detailMessage");
        message.setWrapText(true);
        message.textProperty().bind(vm.message());
        message.visibleProperty().bind(vm.message().isNotNull());
        message.managedProperty().bind(message.visibleProperty());
        HBox actions = new HBox(8, curl, playground);
        actions.setAlignment(Pos.CENTER_LEFT);
        VBox box = new VBox(4, title, subtitle, actions, message);
        box.setPadding(new Insets(10, 12, 8, 12));
        return box;
    }

    private TableView<Map.Entry<String, String>> headersTable() {
        TableView<Map.Entry<String, String>> table = new TableView<>(vm.headers());
        table.setId("headersTable");
        TableColumn<Map.Entry<String, String>, String> name = new TableColumn<>("Header");
        name.setCellValueFactory(c -> new SimpleStringProperty(c.getValue().getKey()));
        name.setPrefWidth(200);
        TableColumn<Map.Entry<String, String>, String> value = new TableColumn<>("Value");
        value.setCellValueFactory(c -> new SimpleStringProperty(c.getValue().getValue()));
        value.setPrefWidth(420);
        table.getColumns().addAll(java.util.List.of(name, value));
        table.setPlaceholder(new Label("No headers captured"));
        return table;
    }

    private void showTrace(Trace t) {
        timeline.show(t);
        cost.show(t);
        if (t == null) {
            title.setText("Select a trace");
            subtitle.setText("");
            return;
        }
        title.setText((t.model() == null ? "(no model)" : t.model()) + "  ·  " + t.status()
                + (t.ok() ? "" : "  ·  error"));
        subtitle.setText(t.id() + "  ·  " + t.provider() + "  ·  " + Formats.time(t.startedAt(), ZoneId.systemDefault())
                + "  ·  " + Formats.millis(t.durationMs()) + "  ·  " + Formats.usd(t.costUsd())
                + (t.metadata().isEmpty() ? "" : "  ·  " + t.metadata()));
    }
}
