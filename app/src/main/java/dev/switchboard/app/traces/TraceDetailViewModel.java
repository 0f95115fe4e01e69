package dev.switchboard.app.traces;

import dev.switchboard.app.common.AtomicFiles;
import dev.switchboard.app.common.UiTasks;
import dev.switchboard.app.common.UserMessages;
import dev.switchboard.app.connection.GatewayClient;
import dev.switchboard.gateway.trace.Trace;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** The selected trace in full: conversation, raw JSON, headers, spans and cost; plus copy and export actions. */
public final class TraceDetailViewModel {
    private final ReadOnlyObjectProperty<GatewayClient> client;
    private final UiTasks tasks;
    private final ObjectProperty<Trace> trace = new SimpleObjectProperty<>();
    private final ObservableList<ChatMessage> conversation = FXCollections.observableArrayList();
    private final StringProperty requestJson = new SimpleStringProperty("");
    private final StringProperty responseJson = new SimpleStringProperty("");
    private final ObservableList<Map.Entry<String, String>> headers = FXCollections.observableArrayList();
    private final StringProperty message = new SimpleStringProperty();
    private String shownId;
    private Consumer<Trace> openInPlayground;

    public TraceDetailViewModel(ReadOnlyObjectProperty<GatewayClient> client, UiTasks tasks) {
        this.client = client;
        this.tasks = tasks;
        client.addListener((obs, old, now) -> show(null));
    }

    /** Loads and shows one trace (null clears the pane). */
    public void show(String id) {
        shownId = id;
        GatewayClient current = client.get();
        if (id == null || current == null) {
            clear();
            return;
        }
        tasks.supply(() -> current.trace(id).map(Shown::of)).onSuccess(found -> {
            if (!id.equals(shownId)) {
                return;
            }
            found.ifPresentOrElse(this::apply, () -> {
                clear();
                message.set("Trace " + id + " is no longer stored (deleted by retention?)");
            });
        }).onError(e -> message.set(UserMessages.of(e))).start();
    }

    /** The conversation and pretty JSON, worked out off the FX thread. */
    private record Shown(Trace trace, List<ChatMessage> conversation, String request, String response) {
        static Shown of(Trace t) {
            return new Shown(t, Conversation.of(t.endpoint(), t.requestBody(), t.responseBody()),
                    pretty(t.requestBody()), pretty(t.responseBody()));
        }

        private static String pretty(String body) {
            return body == null ? "(not captured: body capture is off, or the call had no body)"
                    : Conversation.prettyIfJson(body);
        }
    }

    private void apply(Shown shown) {
        trace.set(shown.trace());
        conversation.setAll(shown.conversation());
        requestJson.set(shown.request());
        responseJson.set(shown.response());
        Map<String, String> sorted = new TreeMap<>(shown.trace().requestHeaders() == null ? Map.of()
                : shown.trace().requestHeaders());
        headers.setAll(new ArrayList<>(sorted.entrySet()));
        message.set(null);
    }

    private void clear() {
        trace.set(null);
        conversation.clear();
        requestJson.set("");
        responseJson.set("");
        headers.clear();
        message.set(null);
    }

    /** What "Open in Playground" does with the shown trace; set where the app is wired. */
    public void onOpenInPlayground(Consumer<Trace> action) {
        this.openInPlayground = action;
    }

    /** Whether the shown trace can open in the Playground: a chat call with its request body captured. */
    public boolean canOpenInPlayground(Trace t) {
        return openInPlayground != null && t != null && "chat.completions".equals(t.endpoint())
                && t.requestBody() != null;
    }

    /** Opens the shown trace's request (messages, model, parameters) as a Playground source. */
    public void openInPlayground() {
        Trace t = trace.get();
        if (canOpenInPlayground(t)) {
            openInPlayground.accept(t);
        }
    }

    /** The shown trace as a cURL command, or null when none is shown. */
    public String curl() {
        Trace t = trace.get();
        GatewayClient current = client.get();
        return t == null || current == null ? null : CurlCommand.of(t, current.baseUrl());
    }

    /** Writes the given traces to {@code file}; JSON carries bodies, so each trace is read in full first. */
    public void export(List<String> ids, TraceExport.Format format, Path file) {
        GatewayClient current = client.get();
        if (current == null || ids.isEmpty()) {
            message.set("Select traces to export first");
            return;
        }
        tasks.supply(() -> {
            List<Trace> traces = new ArrayList<>();
            for (String id : ids) {
                current.trace(id).ifPresent(traces::add);
            }
            AtomicFiles.write(file, format == TraceExport.Format.JSON ? TraceExport.json(traces)
                    : TraceExport.csv(traces));
            return traces.size();
        }).onSuccess(n -> message.set("Exported " + n + (n == 1 ? " trace" : " traces") + " to " + file))
                .onError(e -> message.set("Export failed: " + UserMessages.of(e))).start();
    }

    public ReadOnlyObjectProperty<Trace> trace() {
        return trace;
    }

    public ObservableList<ChatMessage> conversation() {
        return conversation;
    }

    public StringProperty requestJson() {
        return requestJson;
    }

    public StringProperty responseJson() {
        return responseJson;
    }

    public ObservableList<Map.Entry<String, String>> headers() {
        return headers;
    }

    /** Feedback for the last action (export done, trace gone), or null. */
    public StringProperty message() {
        return message;
    }
}
