package dev.switchboard.app.playground;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.Observable;
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

    SourceViewModel() {
        messages.addListener((javafx.collections.ListChangeListener<MessageDraft>) change -> refreshVariables());
    }

    /** Replaces the messages, e.g. with a trace's or a saved experiment's. */
    public void show(String from, List<Message> newMessages) {
        origin.set(from);
        messages.setAll(newMessages.stream().map(MessageDraft::new).toList());
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

    /** @throws IllegalArgumentException naming missing variables or a broken template */
    List<Message> render(Map<String, String> values) {
        return renderer.render(currentMessages(), values);
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
