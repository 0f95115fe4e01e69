package dev.switchboard.app.prompts;

import dev.switchboard.app.common.ClientCalls;
import dev.switchboard.prompts.PromptException;
import dev.switchboard.prompts.diff.PromptDiff;
import dev.switchboard.prompts.model.LabelMove;
import dev.switchboard.prompts.model.Names;
import dev.switchboard.prompts.model.PromptDetails;
import dev.switchboard.prompts.model.PromptVersion;
import dev.switchboard.prompts.model.VersionRef;
import java.util.Map;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * A prompt's history: its versions (newest first), a side-by-side diff of any two, its labels and every recorded
 * label move. Moving a label (promoting a version to production) is asked first and done only once confirmed.
 */
public final class PromptHistoryViewModel {
    private final ClientCalls<PromptsClient> calls;
    private final ReadOnlyObjectWrapper<PromptDetails> prompt = new ReadOnlyObjectWrapper<>();
    private final ObservableList<PromptVersion> versions = FXCollections.observableArrayList();
    private final ObservableList<Map.Entry<String, Integer>> labels = FXCollections.observableArrayList();
    private final ObservableList<LabelMove> labelHistory = FXCollections.observableArrayList();
    private final ObjectProperty<Integer> diffFrom = new SimpleObjectProperty<>();
    private final ObjectProperty<Integer> diffTo = new SimpleObjectProperty<>();
    private final ReadOnlyObjectWrapper<PromptDiff> diff = new ReadOnlyObjectWrapper<>();
    private final StringProperty labelName = new SimpleStringProperty("production");
    private final ObjectProperty<Integer> labelVersion = new SimpleObjectProperty<>();
    private final ReadOnlyObjectWrapper<LabelMoveRequest> pendingMove = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper();
    private Consumer<String> onLabelMoved = name -> { };
    private boolean showing;

    PromptHistoryViewModel(ClientCalls<PromptsClient> calls) {
        this.calls = calls;
        diffFrom.addListener(o -> compareUnlessShowing());
        diffTo.addListener(o -> compareUnlessShowing());
    }

    /** Called with the prompt's name after a label moved, so the page can refresh the list's label chips. */
    void onLabelMoved(Consumer<String> callback) {
        this.onLabelMoved = callback;
    }

    /** Shows {@code details}; the diff starts at the two newest versions, the label form at the newest. */
    public void show(PromptDetails details) {
        prompt.set(details);
        versions.setAll(details.versions().reversed());
        labels.setAll(details.labels().entrySet().stream().map(e -> Map.entry(e.getKey(), e.getValue())).toList());
        int latest = details.latestVersion();
        // After a save, the version to promote is most likely the one just saved.
        labelVersion.set(latest);
        showing = true;
        try {
            diffFrom.set(Math.max(1, latest - 1));
            diffTo.set(latest);
        } finally {
            showing = false;
        }
        compare();
        String name = details.prompt().name();
        calls.run(client -> client.labelHistory(name), history -> {
            if (isShowing(name)) {
                labelHistory.setAll(history);
            }
        }, error::set);
    }

    public void clear() {
        prompt.set(null);
        versions.clear();
        labels.clear();
        labelHistory.clear();
        diff.set(null);
        pendingMove.set(null);
        message.set(null);
        error.set(null);
    }

    private void compareUnlessShowing() {
        if (!showing) {
            compare();
        }
    }

    /** Diffs the two chosen versions (older on the left, whichever order they were picked in). */
    public void compare() {
        PromptDetails details = prompt.get();
        Integer from = diffFrom.get();
        Integer to = diffTo.get();
        if (details == null || from == null || to == null) {
            diff.set(null);
            return;
        }
        String name = details.prompt().name();
        int older = Math.min(from, to);
        int newer = Math.max(from, to);
        calls.run(client -> client.diff(name, VersionRef.number(older), VersionRef.number(newer)), result -> {
            if (isShowing(name) && Math.min(diffFrom.get(), diffTo.get()) == older
                    && Math.max(diffFrom.get(), diffTo.get()) == newer) {
                diff.set(result);
            }
        }, error::set);
    }

    /** Asks to point the label at the chosen version; nothing moves until {@link #confirmMove()}. */
    public void requestMove() {
        PromptDetails details = prompt.get();
        Integer version = labelVersion.get();
        String label = labelName.get() == null ? "" : labelName.get().strip();
        message.set(null);
        error.set(null);
        if (details == null || version == null) {
            error.set("Pick a version to point the label at");
            return;
        }
        try {
            Names.requireMovableLabel(label);
        } catch (PromptException e) {
            error.set(e.getMessage());
            return;
        }
        Integer current = details.labels().get(label);
        if (current != null && current == version) {
            message.set(label + " already points at version " + version);
            return;
        }
        String name = details.prompt().name();
        String question = current == null
                ? "Create the label " + label + " on version " + version + " of " + name + "?"
                : "Move " + label + " of " + name + " from version " + current + " to version " + version + "?";
        if ("production".equals(label)) {
            question += " Applications that ask for production get version " + version + " from their next call.";
        }
        pendingMove.set(new LabelMoveRequest(name, label, current, version, question));
    }

    public void confirmMove() {
        LabelMoveRequest request = pendingMove.get();
        if (request == null) {
            return;
        }
        pendingMove.set(null);
        calls.run(client -> {
            client.moveLabel(request.prompt(), request.label(), request.toVersion());
            return client.getPrompt(request.prompt());
        }, details -> {
            message.set(request.label() + " now points at version " + request.toVersion());
            if (isShowing(request.prompt())) {
                show(details);
            }
            onLabelMoved.accept(request.prompt());
        }, error::set);
    }

    public void cancelMove() {
        pendingMove.set(null);
    }

    private boolean isShowing(String name) {
        return prompt.get() != null && prompt.get().prompt().name().equals(name);
    }

    public ReadOnlyObjectProperty<PromptDetails> prompt() {
        return prompt.getReadOnlyProperty();
    }

    /** Newest first. */
    public ObservableList<PromptVersion> versions() {
        return versions;
    }

    /** Label name to version, by name. */
    public ObservableList<Map.Entry<String, Integer>> labels() {
        return labels;
    }

    /** Every label move, newest first. */
    public ObservableList<LabelMove> labelHistory() {
        return labelHistory;
    }

    public ObjectProperty<Integer> diffFrom() {
        return diffFrom;
    }

    public ObjectProperty<Integer> diffTo() {
        return diffTo;
    }

    public ReadOnlyObjectProperty<PromptDiff> diff() {
        return diff.getReadOnlyProperty();
    }

    public StringProperty labelName() {
        return labelName;
    }

    public ObjectProperty<Integer> labelVersion() {
        return labelVersion;
    }

    /** A move waiting for the user's yes, or null. */
    public ReadOnlyObjectProperty<LabelMoveRequest> pendingMove() {
        return pendingMove.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty message() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty error() {
        return error.getReadOnlyProperty();
    }
}
