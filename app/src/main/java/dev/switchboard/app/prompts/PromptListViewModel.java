package dev.switchboard.app.prompts;

import dev.switchboard.prompts.model.PromptSummary;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

/**
 * The prompt list: every prompt of the gateway with its labels and latest version, narrowed as the user types a
 * search (name or description), picks a folder (any depth) or a tag. The library is read once per refresh and
 * filtered here, so typing never waits for the gateway.
 */
public final class PromptListViewModel {
    private final ObservableList<PromptSummary> all = FXCollections.observableArrayList();
    private final FilteredList<PromptSummary> shown = new FilteredList<>(all);
    private final ObservableList<String> folders = FXCollections.observableArrayList();
    private final ObservableList<String> tags = FXCollections.observableArrayList();
    private final StringProperty search = new SimpleStringProperty("");
    private final ObjectProperty<String> folder = new SimpleObjectProperty<>();
    private final ObjectProperty<String> tag = new SimpleObjectProperty<>();
    private final ObjectProperty<PromptSummary> selected = new SimpleObjectProperty<>();

    PromptListViewModel() {
        search.addListener(o -> filter());
        folder.addListener(o -> filter());
        tag.addListener(o -> filter());
    }

    /** Replaces the list with what the gateway has; the selection follows the selected prompt by name. */
    void setAll(List<PromptSummary> prompts) {
        String selectedName = selected.get() == null ? null : selected.get().name();
        all.setAll(prompts);
        TreeSet<String> folderSet = new TreeSet<>();
        TreeSet<String> tagSet = new TreeSet<>();
        for (PromptSummary prompt : prompts) {
            folderSet.addAll(folders(prompt.name()));
            tagSet.addAll(prompt.tags());
        }
        folders.setAll(folderSet);
        tags.setAll(tagSet);
        if (folder.get() != null && !folderSet.contains(folder.get())) {
            folder.set(null);
        }
        if (tag.get() != null && !tagSet.contains(tag.get())) {
            tag.set(null);
        }
        selected.set(selectedName == null ? null
                : all.stream().filter(p -> p.name().equals(selectedName)).findFirst().orElse(null));
    }

    void clear() {
        all.clear();
        folders.clear();
        tags.clear();
        selected.set(null);
    }

    private void filter() {
        String text = search.get() == null ? "" : search.get().strip().toLowerCase(Locale.ROOT);
        String inFolder = folder.get();
        String withTag = tag.get();
        shown.setPredicate(prompt -> (text.isEmpty() || prompt.name().toLowerCase(Locale.ROOT).contains(text)
                || prompt.description().toLowerCase(Locale.ROOT).contains(text))
                && (inFolder == null || prompt.name().startsWith(inFolder + "/"))
                && (withTag == null || prompt.tags().contains(withTag)));
    }

    /** {@code a/b/c} lies in folders {@code a} and {@code a/b}. */
    static List<String> folders(String name) {
        List<String> folders = new ArrayList<>();
        for (int slash = name.indexOf('/'); slash > 0; slash = name.indexOf('/', slash + 1)) {
            folders.add(name.substring(0, slash));
        }
        return folders;
    }

    /** The prompts that pass the search, folder and tag. */
    public ObservableList<PromptSummary> prompts() {
        return shown;
    }

    /** Every folder that holds a prompt, nested ones as {@code a/b}, sorted. */
    public ObservableList<String> folders() {
        return folders;
    }

    public ObservableList<String> tags() {
        return tags;
    }

    public StringProperty search() {
        return search;
    }

    /** Null for all folders. */
    public ObjectProperty<String> folder() {
        return folder;
    }

    /** Null for all tags. */
    public ObjectProperty<String> tag() {
        return tag;
    }

    public ObjectProperty<PromptSummary> selected() {
        return selected;
    }
}
