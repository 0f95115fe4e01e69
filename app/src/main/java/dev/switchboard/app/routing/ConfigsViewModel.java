package dev.switchboard.app.routing;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.switchboard.app.routing.GovernanceClient.SavedConfig;
import dev.switchboard.gateway.Json;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Saved routing configs (Portkey format, versioned in the gateway): pick one to edit, or start a new one; the JSON
 * is checked as it is typed, and saving adds a version. A config the gateway rejects shows its message, which
 * names the JSON path ({@code Invalid config at config.targets[0].provider: …}). Keys read {@code [redacted]};
 * saved back unchanged, the gateway keeps them. Older versions can be looked at (read-only) and restored, which
 * saves them again as the next version.
 */
public final class ConfigsViewModel {
    static final String TEMPLATE = """
            {
              "strategy": { "mode": "fallback" },
              "targets": [
                { "virtual_key": "openai-prod" },
                {
                  "virtual_key": "anthropic-prod",
                  "override_params": { "model": "claude-3-5-haiku-latest" }
                }
              ]
            }
            """;
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("MMM d, yyyy HH:mm", Locale.ROOT);
    private static final String JACKSON_CHAR_CODE = "\\('(.+?)' \\(code \\d+\\)\\)";
    private static final ObjectReader STRICT = Json.MAPPER.reader()
            .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private final GovernanceCalls calls;
    private final ZoneId zone;
    private final ObservableList<SavedConfig> configs = FXCollections.observableArrayList();
    private final ObjectProperty<SavedConfig> selected = new SimpleObjectProperty<>();
    private final ObservableList<SavedConfig> versions = FXCollections.observableArrayList();
    private final ObjectProperty<SavedConfig> viewed = new SimpleObjectProperty<>();
    private final BooleanProperty viewingOlder = new SimpleBooleanProperty();
    private final StringProperty editorId = new SimpleStringProperty("");
    private final StringProperty editorText = new SimpleStringProperty("");
    private final BooleanProperty creating = new SimpleBooleanProperty(true);
    private final StringProperty versionInfo = new SimpleStringProperty();
    private final StringProperty jsonProblem = new SimpleStringProperty();
    private final StringProperty saveError = new SimpleStringProperty();
    private final StringProperty message = new SimpleStringProperty();
    private final StringProperty error = new SimpleStringProperty();
    private final BooleanProperty loading = new SimpleBooleanProperty();
    private final BooleanProperty saving = new SimpleBooleanProperty();
    private long generation;
    private long versionsGeneration;

    ConfigsViewModel(GovernanceCalls calls, ZoneId zone) {
        this.calls = calls;
        this.zone = zone;
        editorText.addListener((obs, old, text) -> {
            jsonProblem.set(problem(text));
            // A refusal is about the text that was sent; once it changes, the message would mislead.
            saveError.set(null);
        });
        selected.addListener((obs, old, config) -> {
            if (config != null) {
                edit(config);
                loadVersions(config);
            }
        });
        viewed.addListener((obs, old, version) -> {
            if (version != null) {
                show(version);
            }
        });
        newConfig();
    }

    public void refresh() {
        long mine = ++generation;
        loading.set(true);
        calls.run(GovernanceClient::configs, list -> {
            if (mine == generation) {
                configs.setAll(list);
                error.set(null);
                SavedConfig current = selected.get();
                if (current == null && untouchedNewConfig() && !list.isEmpty()) {
                    // Opening the tab shows a saved config rather than an example, unless the user began one.
                    selected.set(list.getFirst());
                    return;
                }
                if (current != null) {
                    list.stream().filter(c -> c.id().equals(current.id())).findFirst()
                            .ifPresentOrElse(c -> {
                                if (c.version() != current.version()) {
                                    selected.set(c);
                                }
                            }, this::newConfig);
                }
            }
        }, problem -> {
            if (mine == generation) {
                error.set(problem);
            }
        }, () -> loading.set(false));
    }

    void clear() {
        generation++;
        configs.clear();
        message.set(null);
        error.set(null);
        newConfig();
    }

    /** An empty editor with an example to change; saving creates version 1. */
    public void newConfig() {
        selected.set(null);
        versionsGeneration++;
        versions.clear();
        viewed.set(null);
        viewingOlder.set(false);
        creating.set(true);
        editorId.set("");
        editorText.set(TEMPLATE);
        versionInfo.set("New config: saving creates version 1");
        saveError.set(null);
    }

    private void edit(SavedConfig config) {
        creating.set(false);
        editorId.set(config.id());
        versions.setAll(config);
        if (config.equals(viewed.get())) {
            show(config);
        } else {
            viewed.set(config);
        }
    }

    /** Reads every version of the config, so older ones can be picked; the latest is shown meanwhile. */
    private void loadVersions(SavedConfig config) {
        long mine = ++versionsGeneration;
        calls.run(client -> client.configVersions(config.id()), list -> {
            if (mine == versionsGeneration && !list.isEmpty()) {
                List<SavedConfig> newestFirst = new ArrayList<>(list);
                newestFirst.sort(Comparator.comparingInt(SavedConfig::version).reversed());
                SavedConfig shown = viewed.get();
                versions.setAll(newestFirst);
                viewed.set(newestFirst.stream().filter(v -> shown != null && v.version() == shown.version())
                        .findFirst().orElse(newestFirst.getFirst()));
            }
        }, problem -> {
            if (mine == versionsGeneration) {
                error.set("Cannot read the older versions of " + config.id() + ": " + problem);
            }
        });
    }

    /** Puts one version in the editor: the latest to edit, an older one to read and perhaps restore. */
    private void show(SavedConfig version) {
        int latest = versions.stream().mapToInt(SavedConfig::version).max().orElse(version.version());
        boolean older = version.version() < latest;
        editorText.set(version.json());
        viewingOlder.set(older);
        versionInfo.set("Version " + version.version() + " · saved "
                + (version.createdAt() == null ? "" : WHEN.format(version.createdAt().atZone(zone)))
                + (version.createdBy() == null ? "" : " by " + version.createdBy())
                + (older ? " · an older version: restoring it saves it as version " + (latest + 1)
                : " · saving adds version " + (latest + 1)));
        saveError.set(null);
    }

    private boolean untouchedNewConfig() {
        return creating.get() && TEMPLATE.equals(editorText.get())
                && (editorId.get() == null || editorId.get().isBlank());
    }

    /** Saves the editor as a new config, or as the next version of the one being edited. */
    public void save() {
        if (viewingOlder.get()) {
            saveError.set("This is an older version: restore it, or pick the latest version to edit");
            return;
        }
        String id;
        try {
            id = Forms.id(editorId, "A config id");
            if (id == null) {
                throw new Forms.Invalid("Give the config an id, e.g. team-default; requests use it in "
                        + "x-portkey-config");
            }
        } catch (Forms.Invalid e) {
            saveError.set(e.getMessage());
            return;
        }
        String text = editorText.get();
        String problem = problem(text);
        if (problem != null) {
            saveError.set("Fix the JSON first: " + problem);
            return;
        }
        boolean exists = configs.stream().anyMatch(c -> c.id().equals(id));
        saving.set(true);
        saveError.set(null);
        message.set(null);
        calls.run(client -> exists ? client.addConfigVersion(id, text) : client.createConfig(id, text), saved -> {
            configs.removeIf(c -> c.id().equals(saved.id()));
            configs.add(saved);
            configs.sort(Comparator.comparing(SavedConfig::id));
            selected.set(saved);
            error.set(null);
            message.set("Saved " + saved.id() + " as version " + saved.version());
        }, saveError::set, () -> saving.set(false));
    }

    /** Saves the older version in the editor again, stored keys included, as the config's next version. */
    public void restoreViewed() {
        SavedConfig version = viewed.get();
        if (version == null || !viewingOlder.get()) {
            return;
        }
        saving.set(true);
        calls.run(client -> client.restoreConfigVersion(version.id(), version.version()), restored -> {
            configs.removeIf(c -> c.id().equals(restored.id()));
            configs.add(restored);
            configs.sort(Comparator.comparing(SavedConfig::id));
            selected.set(restored);
            error.set(null);
            message.set("Restored version " + version.version() + " of " + restored.id() + " as version "
                    + restored.version());
        }, problem -> {
            message.set(null);
            error.set(problem);
        }, () -> saving.set(false));
    }

    /** Deletes every version of the selected config. */
    public void delete() {
        SavedConfig config = selected.get();
        if (config == null) {
            return;
        }
        calls.run(client -> {
            client.deleteConfig(config.id());
            return config;
        }, deleted -> {
            configs.removeIf(c -> c.id().equals(deleted.id()));
            newConfig();
            error.set(null);
            message.set("Deleted " + deleted.id() + " and all its versions");
        }, problem -> {
            message.set(null);
            error.set(problem);
        });
    }

    /** Re-indents the editor's JSON; leaves it alone when it does not parse. */
    public void format() {
        try {
            JsonNode node = STRICT.readTree(editorText.get());
            editorText.set(Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(node) + "\n");
        } catch (JsonProcessingException e) {
            // jsonProblem already says what is wrong
        }
    }

    /** What is wrong with the text as a config's JSON, with line and column; null when it parses to an object. */
    static String problem(String text) {
        if (text == null || text.isBlank()) {
            return "The config is empty: write it as a JSON object, e.g. {\"provider\": \"openai\"}";
        }
        try {
            JsonNode node = STRICT.readTree(text);
            if (node == null || !node.isObject()) {
                return "A config is a JSON object: it starts with { and ends with }";
            }
            return null;
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String what = e.getOriginalMessage();
            int newline = what.indexOf('\n');
            // Jackson says "Unexpected character ('}' (code 125))": the code means nothing to a user.
            what = (newline < 0 ? what : what.substring(0, newline)).replaceAll(JACKSON_CHAR_CODE, "'$1'");
            return (at == null ? "" : "Line " + at.getLineNr() + ", column " + at.getColumnNr() + ": ") + what;
        }
    }

    public ObservableList<SavedConfig> configs() {
        return configs;
    }

    /** The config being edited; bound to the list's selection. Null while a new one is being written. */
    public ObjectProperty<SavedConfig> selected() {
        return selected;
    }

    /** Every version of the selected config, newest first. */
    public ObservableList<SavedConfig> versions() {
        return versions;
    }

    /** The version in the editor; setting an older one shows it read-only. */
    public ObjectProperty<SavedConfig> viewed() {
        return viewed;
    }

    /** True while the editor shows an older version: it can be restored, not edited. */
    public ReadOnlyBooleanProperty viewingOlder() {
        return viewingOlder;
    }

    public StringProperty editorId() {
        return editorId;
    }

    public StringProperty editorText() {
        return editorText;
    }

    /** True while a new config is being written: only then may its id be edited. */
    public ReadOnlyBooleanProperty creating() {
        return creating;
    }

    public ReadOnlyStringProperty versionInfo() {
        return versionInfo;
    }

    /** What is wrong with the editor's JSON right now, or null. */
    public ReadOnlyStringProperty jsonProblem() {
        return jsonProblem;
    }

    /** Why the last save failed: the gateway's message (naming the JSON path) or a check made before sending. */
    public ReadOnlyStringProperty saveError() {
        return saveError;
    }

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
}
