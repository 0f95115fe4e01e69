package dev.switchboard.app.routing;

import dev.switchboard.app.routing.GovernanceClient.KeyCheck;
import dev.switchboard.app.routing.GovernanceClient.NewVirtualKey;
import dev.switchboard.app.routing.GovernanceClient.VirtualKey;
import dev.switchboard.app.routing.VirtualKeyRow.TestOutcome;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Virtual keys: provider credentials stored in the gateway and referenced by id. Add one (the key is typed into a
 * masked field and cleared from the form once stored), rename it or change its custom host (the key stays), rotate
 * its key, delete it, test it against the provider. The key itself never comes back; the table shows the gateway's
 * hint ("…abcd").
 */
public final class VirtualKeysViewModel {
    private final GovernanceCalls calls;
    private final ObservableList<VirtualKeyRow> rows = FXCollections.observableArrayList();
    private final StringProperty message = new SimpleStringProperty();
    private final StringProperty error = new SimpleStringProperty();
    private final BooleanProperty loading = new SimpleBooleanProperty();

    private final StringProperty formId = new SimpleStringProperty("");
    private final StringProperty formName = new SimpleStringProperty("");
    private final StringProperty formProvider = new SimpleStringProperty(Providers.ALL.getFirst());
    private final StringProperty formApiKey = new SimpleStringProperty("");
    private final StringProperty formCustomHost = new SimpleStringProperty("");
    private final StringProperty formError = new SimpleStringProperty();
    private final ObjectProperty<VirtualKey> editing = new SimpleObjectProperty<>();
    private final StringProperty rotateApiKey = new SimpleStringProperty("");
    private final StringProperty rotateError = new SimpleStringProperty();
    private final BooleanProperty saving = new SimpleBooleanProperty();
    private long generation;

    VirtualKeysViewModel(GovernanceCalls calls) {
        this.calls = calls;
    }

    public void refresh() {
        long mine = ++generation;
        loading.set(true);
        calls.run(GovernanceClient::virtualKeys, keys -> {
            if (mine == generation) {
                show(keys);
                error.set(null);
            }
        }, problem -> {
            if (mine == generation) {
                error.set(problem);
            }
        }, () -> loading.set(false));
    }

    /** The app switched gateways: nothing shown may belong to the old one. */
    void clear() {
        generation++;
        rows.clear();
        message.set(null);
        error.set(null);
        cancelForm();
        cancelRotate();
    }

    /** Stores the key from the form; {@code onSaved} (FX thread) runs once the gateway has it. */
    public void add(Runnable onSaved) {
        NewVirtualKey key;
        try {
            key = new NewVirtualKey(Forms.id(formId, "The id"),
                    Forms.required(formName, "Give the key a name, e.g. OpenAI production"),
                    Forms.required(formProvider, "Choose the provider this key is for"),
                    Forms.required(formApiKey, "Paste the provider's API key"), Forms.url(formCustomHost));
        } catch (Forms.Invalid e) {
            formError.set(e.getMessage());
            return;
        }
        saving.set(true);
        formError.set(null);
        calls.run(client -> client.createVirtualKey(key), created -> {
            cancelForm();
            upsert(created);
            say("Added " + created.name() + " (" + created.id() + ", key " + created.keyHint() + ")");
            onSaved.run();
        }, formError::set, () -> saving.set(false));
    }

    /** Fills the form with a key's name and custom host, to change them with {@link #saveEdit(Runnable)}. */
    public void startEdit(VirtualKey key) {
        cancelForm();
        editing.set(key);
        formId.set(key.id());
        formName.set(key.name());
        formProvider.set(key.provider());
        formCustomHost.set(key.customHost() == null ? "" : key.customHost());
    }

    /** Renames the key being edited and sets its custom host (empty removes it); the stored key stays. */
    public void saveEdit(Runnable onSaved) {
        VirtualKey key = editing.get();
        if (key == null) {
            return;
        }
        String name;
        String host;
        try {
            name = Forms.required(formName, "Give the key a name, e.g. OpenAI production");
            host = Forms.url(formCustomHost);
        } catch (Forms.Invalid e) {
            formError.set(e.getMessage());
            return;
        }
        saving.set(true);
        formError.set(null);
        calls.run(client -> client.updateVirtualKey(key.id(), name, host), updated -> {
            cancelForm();
            upsert(updated);
            say("Saved " + updated.name() + " (" + updated.id() + "): " + (updated.customHost() == null
                    ? "the provider's own host" : updated.customHost()) + ", key " + updated.keyHint() + " unchanged");
            onSaved.run();
        }, formError::set, () -> saving.set(false));
    }

    /** Empties the add or edit form, the key first. */
    public void cancelForm() {
        editing.set(null);
        formApiKey.set("");
        formId.set("");
        formName.set("");
        formCustomHost.set("");
        formProvider.set(Providers.ALL.getFirst());
        formError.set(null);
    }

    /** Replaces the row's provider key with the one in {@link #rotateApiKey()}. */
    public void rotate(VirtualKeyRow row, Runnable onSaved) {
        String newKey;
        try {
            newKey = Forms.required(rotateApiKey, "Paste the new API key");
        } catch (Forms.Invalid e) {
            rotateError.set(e.getMessage());
            return;
        }
        saving.set(true);
        rotateError.set(null);
        calls.run(client -> client.rotateVirtualKey(row.key().id(), newKey), rotated -> {
            cancelRotate();
            upsert(rotated);
            say("Rotated the key of " + rotated.name() + ": now " + rotated.keyHint());
            onSaved.run();
        }, rotateError::set, () -> saving.set(false));
    }

    public void cancelRotate() {
        rotateApiKey.set("");
        rotateError.set(null);
    }

    public void delete(VirtualKeyRow row) {
        VirtualKey key = row.key();
        calls.run(client -> {
            client.deleteVirtualKey(key.id());
            return key;
        }, deleted -> {
            rows.removeIf(r -> r.key().id().equals(deleted.id()));
            say("Deleted " + deleted.name() + " (" + deleted.id() + ")");
        }, this::fail);
    }

    /**
     * Asks the provider whether the row's key works; the row shows ✓ or ✗ with the provider's words, and the tab's
     * message line repeats it with the key's name, since a narrow column may cut it short.
     */
    public void test(VirtualKeyRow row) {
        VirtualKey key = row.key();
        row.test(TestOutcome.RUNNING);
        calls.run(client -> client.testVirtualKey(key.id()), (KeyCheck check) -> {
            TestOutcome outcome = check.ok() ? TestOutcome.ok(check.message())
                    : TestOutcome.failed(check.message() + (check.status() == null ? ""
                    : " (HTTP " + check.status() + ")"));
            row.test(outcome);
            String text = "Connection test of " + key.name() + " (" + key.id() + "): " + outcome.message();
            if (check.ok()) {
                say(text);
            } else {
                fail(text);
            }
        }, problem -> {
            row.test(TestOutcome.failed(problem));
            fail("Connection test of " + key.name() + " (" + key.id() + ") could not run: " + problem);
        });
    }

    private void show(List<VirtualKey> keys) {
        // Keep rows (and their test results) for keys that did not change.
        Map<String, VirtualKeyRow> before = rows.stream()
                .collect(Collectors.toMap(r -> r.key().id(), Function.identity(), (a, b) -> a));
        rows.setAll(keys.stream().map(k -> {
            VirtualKeyRow old = before.get(k.id());
            return old != null && old.key().equals(k) ? old : new VirtualKeyRow(k);
        }).toList());
    }

    private void upsert(VirtualKey key) {
        VirtualKeyRow row = new VirtualKeyRow(key);
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).key().id().equals(key.id())) {
                rows.set(i, row);
                return;
            }
        }
        rows.add(row);
        rows.sort(Comparator.comparing(r -> r.key().id()));
    }

    private void say(String text) {
        error.set(null);
        message.set(text);
    }

    private void fail(String problem) {
        message.set(null);
        error.set(problem);
    }

    public ObservableList<VirtualKeyRow> rows() {
        return rows;
    }

    public List<String> providers() {
        return Providers.ALL;
    }

    /** What the last change did, e.g. "Added OpenAI prod (openai-prod, key …abcd)". */
    public ReadOnlyStringProperty message() {
        return message;
    }

    public ReadOnlyStringProperty error() {
        return error;
    }

    public ReadOnlyBooleanProperty loading() {
        return loading;
    }

    public ReadOnlyBooleanProperty saving() {
        return saving;
    }

    /** The key the form edits, or null while it adds one. */
    public ReadOnlyObjectProperty<VirtualKey> editing() {
        return editing;
    }

    public StringProperty formId() {
        return formId;
    }

    public StringProperty formName() {
        return formName;
    }

    public StringProperty formProvider() {
        return formProvider;
    }

    /** The provider key being entered: bound to a masked field, cleared once stored or cancelled. */
    public StringProperty formApiKey() {
        return formApiKey;
    }

    public StringProperty formCustomHost() {
        return formCustomHost;
    }

    public ReadOnlyStringProperty formError() {
        return formError;
    }

    /** The new provider key when rotating: bound to a masked field, cleared once stored or cancelled. */
    public StringProperty rotateApiKey() {
        return rotateApiKey;
    }

    public ReadOnlyStringProperty rotateError() {
        return rotateError;
    }
}
