package dev.switchboard.app.prompts;

import dev.switchboard.app.common.AtomicFiles;
import dev.switchboard.app.common.ClientCalls;
import dev.switchboard.app.common.PageLoad;
import dev.switchboard.app.common.UiTasks;
import dev.switchboard.gateway.cost.TokenEstimator;
import dev.switchboard.prompts.PromptException;
import dev.switchboard.prompts.model.ChatMessage;
import dev.switchboard.prompts.model.ImportResult;
import dev.switchboard.prompts.model.ModelConfig;
import dev.switchboard.prompts.model.NewPrompt;
import dev.switchboard.prompts.model.NewVersion;
import dev.switchboard.prompts.model.PromptDetails;
import dev.switchboard.prompts.model.PromptQuery;
import dev.switchboard.prompts.model.PromptSummary;
import dev.switchboard.prompts.model.PromptTemplate;
import dev.switchboard.prompts.model.PromptVersion;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The Prompts page: the list on the left, the selected prompt's editor and history on the right, plus creating,
 * importing and exporting prompts. Everything goes through the {@link PromptsClient} of the gateway the app is
 * connected to; switching gateways clears the page and reads the new one.
 */
public final class PromptsViewModel {
    /** What a new prompt starts with: a chat to edit, with one variable to show how templates work. */
    static final PromptTemplate STARTER = new PromptTemplate.Chat(List.of(
            new ChatMessage("system", "You are a helpful assistant."), new ChatMessage("user", "{{input}}")));

    private final ReadOnlyObjectProperty<PromptsClient> client;
    private final ReadOnlyStringProperty unavailable;
    private final ClientCalls<PromptsClient> calls;
    private final String author;
    private final PromptListViewModel list = new PromptListViewModel();
    private final PromptEditorViewModel editor;
    private final PromptHistoryViewModel history;
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper();
    private final PageLoad load;

    /**
     * @param client      the gateway's prompt library, or null while there is none to talk to
     * @param unavailable why there is none (e.g. demo mode), for the page to say
     * @param author      recorded on every version saved and label moved from this app
     */
    public PromptsViewModel(ReadOnlyObjectProperty<PromptsClient> client, ReadOnlyStringProperty unavailable,
                            UiTasks tasks, String author) {
        this.client = client;
        this.unavailable = unavailable;
        this.calls = new ClientCalls<>(client, tasks);
        this.author = author;
        editor = new PromptEditorViewModel(calls, new DraftAnalyser(new TokenEstimator()), author);
        history = new PromptHistoryViewModel(calls);
        editor.onSaved(saved -> {
            refresh();
            reloadHistory(saved.promptName());
        });
        history.onLabelMoved(name -> refresh());
        list.selected().addListener((obs, old, now) -> {
            if (now == null) {
                editor.clear();
                history.clear();
            } else if (old == null || !old.name().equals(now.name())) {
                open(now.name());
            }
        });
        load = new PageLoad(client, () -> {
            list.clear();
            message.set(null);
            error.set(null);
        }, this::readList);
    }

    /** The page became visible: read the library, so what it shows is current. */
    public void pageShown() {
        load.shown();
    }

    public void refresh() {
        load.refresh();
    }

    private void readList() {
        loading.set(true);
        calls.run(c -> c.listPrompts(PromptQuery.all()), list::setAll, error::set, () -> loading.set(false));
    }

    private void open(String name) {
        loading.set(true);
        calls.run(c -> c.getPrompt(name), details -> {
            PromptSummary selected = list.selected().get();
            if (selected != null && selected.name().equals(name)) {
                editor.load(details.versions().getLast());
                history.show(details);
            }
        }, error::set, () -> loading.set(false));
    }

    private void reloadHistory(String name) {
        calls.run(c -> c.getPrompt(name), details -> {
            if (history.prompt().get() != null && history.prompt().get().prompt().name().equals(name)) {
                history.show(details);
            }
        }, error::set);
    }

    /** Loads an older version into the editor, to start the next version from it. */
    public void editFrom(PromptVersion version) {
        editor.load(version);
        message.set("Editing from version " + version.number() + "; saving adds a new version after the latest");
    }

    /**
     * Creates a prompt whose version 1 is a small starter chat, then selects it.
     *
     * @param tags     comma-separated
     * @param onResult gets null on success, else the reason, for the form to show
     */
    public void createPrompt(String name, String description, String tags, Consumer<String> onResult) {
        NewPrompt prompt;
        try {
            prompt = new NewPrompt(name == null ? null : name.strip(), description, Arrays.stream(
                    (tags == null ? "" : tags).split(",")).map(String::strip).filter(t -> !t.isEmpty()).toList());
        } catch (PromptException e) {
            onResult.accept(e.getMessage());
            return;
        }
        NewVersion first = new NewVersion(STARTER, ModelConfig.of(null), "Created in Switchboard", author);
        calls.run(c -> {
            PromptDetails created = c.createPrompt(prompt, first);
            return c.listPrompts(PromptQuery.all()).stream()
                    .filter(p -> p.name().equals(created.prompt().name())).findFirst().orElseThrow();
        }, summary -> {
            onResult.accept(null);
            list.search().set("");
            list.folder().set(null);
            list.tag().set(null);
            refresh();
            list.selected().set(summary);
            message.set("Created " + summary.name());
        }, onResult);
    }

    /** Imports a JSON or YAML file (by its extension), read off the FX thread. */
    public void importFile(Path file) {
        message.set(null);
        error.set(null);
        calls.run(c -> c.importPrompts(Files.readAllBytes(file), PromptFiles.format(file)), results -> {
            message.set(importSummary(file, results));
            refresh();
            PromptSummary selected = list.selected().get();
            if (selected != null) {
                open(selected.name());
            }
        }, problem -> error.set("Nothing was imported from " + file.getFileName() + ": " + problem));
    }

    static String importSummary(Path file, List<ImportResult> results) {
        int created = (int) results.stream().filter(ImportResult::created).count();
        int versions = results.stream().mapToInt(ImportResult::versionsAdded).sum();
        int unchanged = results.stream().mapToInt(ImportResult::versionsUnchanged).sum();
        return "Imported " + file.getFileName() + ": " + results.size() + " prompt(s), " + created + " new, "
                + versions + " version(s) added, " + unchanged + " already here";
    }

    /** Writes every prompt to {@code file}, JSON or YAML by its extension. */
    public void exportAll(Path file) {
        export(file, c -> c.exportAll(PromptFiles.format(file)));
    }

    /** Writes the selected prompt, with its history and labels, to {@code file}. */
    public void exportSelected(Path file) {
        PromptSummary selected = list.selected().get();
        if (selected == null) {
            error.set("Select a prompt to export");
            return;
        }
        export(file, c -> c.exportPrompt(selected.name(), PromptFiles.format(file)));
    }

    private void export(Path file, ClientCalls.Call<PromptsClient, byte[]> read) {
        message.set(null);
        error.set(null);
        calls.run(c -> {
            // Prompt files are UTF-8 text; written whole or not at all, so a failed export never leaves half a file.
            AtomicFiles.write(file, new String(read.on(c), StandardCharsets.UTF_8));
            return file;
        }, written -> message.set("Exported to " + written), problem -> error.set("Export failed: " + problem));
    }

    public PromptListViewModel list() {
        return list;
    }

    public PromptEditorViewModel editor() {
        return editor;
    }

    public PromptHistoryViewModel history() {
        return history;
    }

    public ReadOnlyObjectProperty<PromptsClient> client() {
        return client;
    }

    /** Why the page cannot show anything right now, or null when it can. */
    public ReadOnlyStringProperty unavailable() {
        return unavailable;
    }

    public ReadOnlyBooleanProperty loading() {
        return loading.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty message() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty error() {
        return error.getReadOnlyProperty();
    }
}
