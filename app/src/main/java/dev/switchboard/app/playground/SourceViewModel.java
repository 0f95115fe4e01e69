package dev.switchboard.app.playground;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.Observable;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The source of a run: messages with {@code {{variables}}}, where they came from, and the variables form, whose
 * fields follow the names the messages use (values typed earlier are kept while a name stays).
 */
public final class SourceViewModel {
    private final SourceRenderer renderer = new SourceRenderer();
    private final StringProperty origin = new SimpleStringProperty("Ad-hoc messages");
    private final ObservableList<MessageDraft> messages = FXCollections.observableArrayList(
            m -> new Observable[] {m.role(), m.content()});
    private final ObservableList<VariableField> variables = FXCollections.observableArrayList();
    private final StringProperty problem = new SimpleStringProperty();
    private final ObjectProperty<SavedPrompts.Loaded> savedPrompt = new SimpleObjectProperty<>();
    private boolean showing;

    SourceViewModel() {
        messages.addListener((javafx.collections.ListChangeListener<MessageDraft>) change -> {
            refreshVariables();
            if (!showing && savedPrompt.get() != null) {
                // Edited: no longer the saved version, so it is rendered here as ad-hoc messages.
                savedPrompt.set(null);
                origin.set(origin.get() + " (edited)");
            }
        });
    }

    /** Replaces the messages, e.g. with a trace's or a saved experiment's. */
    public void show(String from, List<Message> newMessages) {
        show(from, newMessages, null);
    }

    /** Shows a saved prompt version; runs render it through the gateway until its messages are edited. */
    void show(SavedPrompts.Loaded loaded) {
        show("Prompt " + loaded.name() + " v" + loaded.version(), loaded.messages(), loaded);
    }

    private void show(String from, List<Message> newMessages, SavedPrompts.Loaded saved) {
        showing = true;
        try {
            origin.set(from);
            savedPrompt.set(saved);
            messages.setAll(newMessages.stream().map(MessageDraft::new).toList());
        } finally {
            showing = false;
        }
    }

    /** The source as a run records it. */
    Experiment.Source snapshot() {
        SavedPrompts.Loaded saved = savedPrompt.get();
        return new Experiment.Source(origin.get(), currentMessages(), saved == null ? null : saved.name(),
                saved == null ? null : saved.version());
    }

    /** The saved prompt version shown, or null for ad-hoc messages. */
    public ReadOnlyObjectProperty<SavedPrompts.Loaded> savedPrompt() {
        return savedPrompt;
    }

    public void addMessage(String role) {
        messages.add(new MessageDraft(new Message(role, "")));
        origin.set("Ad-hoc messages");
    }

    public void removeMessage(MessageDraft message) {
        messages.remove(message);
    }

    /** Sets the form's values (fields for names the messages do not use are ignored). */
    void fill(Map<String, String> values) {
        variables.forEach(field -> field.value().set(values.getOrDefault(field.name(), field.value().get())));
    }

    List<Message> currentMessages() {
        return messages.stream().map(MessageDraft::toMessage).toList();
    }

    /** The form's values by name. */
    Map<String, String> values() {
        Map<String, String> values = new LinkedHashMap<>();
        variables.forEach(field -> values.put(field.name(), field.value().get()));
        return values;
    }

    /** The form's non-empty values: an empty field counts as missing, so a forgotten one is named, not sent blank. */
    Map<String, String> filledValues() {
        Map<String, String> values = values();
        values.values().removeIf(v -> v == null || v.isBlank());
        return values;
    }

    private void refreshVariables() {
        List<String> names;
        try {
            names = messages.isEmpty() ? List.of() : renderer.variables(currentMessages());
            problem.set(null);
        } catch (IllegalArgumentException e) {
            problem.set(e.getMessage());
            return;
        }
        if (names.equals(variables.stream().map(VariableField::name).toList())) {
            return;
        }
        Map<String, String> typed = values();
        variables.setAll(names.stream().map(n -> new VariableField(n, typed.getOrDefault(n, ""))).toList());
    }

    public StringProperty origin() {
        return origin;
    }

    public ObservableList<MessageDraft> messages() {
        return messages;
    }

    public ObservableList<VariableField> variables() {
        return variables;
    }

    /** A template problem (unclosed tag…), or null. */
    public StringProperty problem() {
        return problem;
    }
}
