package dev.switchboard.app.prompts;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.app.common.ClientCalls;
import dev.switchboard.gateway.Json;
import dev.switchboard.prompts.PromptException;
import dev.switchboard.prompts.model.ChatMessage;
import dev.switchboard.prompts.model.ModelConfig;
import dev.switchboard.prompts.model.NewVersion;
import dev.switchboard.prompts.model.PromptTemplate;
import dev.switchboard.prompts.model.PromptVersion;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The editor of one prompt: chat messages (add, remove, reorder, a role each), model and provider, parameters,
 * tools and response format as validated JSON, the variables the template uses with values to try it with, and the
 * live token count of the rendered prompt. Saving always adds a new version with a commit message; what is stored
 * is never changed.
 */
public final class PromptEditorViewModel {
    /** The roles in the order a chat is usually written. */
    public static final List<String> ROLES = List.of("system", "developer", "user", "assistant", "tool");

    private final ClientCalls<PromptsClient> calls;
    private final DraftAnalyser analyser;
    private final String author;
    private final ObjectProperty<PromptVersion> base = new SimpleObjectProperty<>();
    private final BooleanProperty textPrompt = new SimpleBooleanProperty();
    private final ObservableList<MessageDraft> messages = FXCollections.observableArrayList(
            m -> new Observable[] {m.role(), m.content()});
    private final StringProperty model = new SimpleStringProperty("");
    private final StringProperty provider = new SimpleStringProperty("");
    private final JsonField parameters = new JsonField("Parameters", JsonShapes::parameters);
    private final JsonField tools = new JsonField("Tools", JsonShapes::tools);
    private final JsonField responseFormat = new JsonField("Response format", JsonShapes::responseFormat);
    private final ObservableList<VariableValue> variables = FXCollections.observableArrayList();
    private final ObservableList<ChatMessage> rendered = FXCollections.observableArrayList();
    private final ReadOnlyIntegerWrapper tokens = new ReadOnlyIntegerWrapper();
    private final ReadOnlyStringWrapper templateProblem = new ReadOnlyStringWrapper();
    private final StringProperty commitMessage = new SimpleStringProperty("");
    private final ReadOnlyBooleanWrapper changed = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper saving = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper();
    private final BooleanBinding jsonValid;
    private final BooleanBinding canSave;
    private Consumer<PromptVersion> onSaved = saved -> { };
    private boolean loading;
    private boolean analysing;
    private boolean analyseAgain;

    PromptEditorViewModel(ClientCalls<PromptsClient> calls, DraftAnalyser analyser, String author) {
        this.calls = calls;
        this.analyser = analyser;
        this.author = author;
        jsonValid = parameters.problem().isNull().and(tools.problem().isNull())
                .and(responseFormat.problem().isNull());
        canSave = base.isNotNull().and(jsonValid).and(changed).and(saving.not())
                .and(Bindings.isNotEmpty(messages));
        messages.addListener((Observable o) -> edited());
        model.addListener(o -> edited());
        provider.addListener(o -> edited());
        parameters.text().addListener(o -> edited());
        tools.text().addListener(o -> edited());
        responseFormat.text().addListener(o -> edited());
    }

    /** Called with each version saved, so the page can refresh the list and the history. */
    void onSaved(Consumer<PromptVersion> callback) {
        this.onSaved = callback;
    }

    /** Shows {@code version} for editing; the next save adds a version after the latest, whichever this is. */
    public void load(PromptVersion version) {
        loading = true;
        try {
            analyser.forgetPartials();
            base.set(version);
            switch (version.template()) {
                case PromptTemplate.Chat chat -> {
                    textPrompt.set(false);
                    messages.setAll(chat.messages().stream().map(m -> new MessageDraft(m.role(), m.content()))
                            .toList());
                }
                case PromptTemplate.Text text -> {
                    textPrompt.set(true);
                    messages.setAll(List.of(new MessageDraft("user", text.text())));
                }
            }
            ModelConfig config = version.config();
            model.set(config.model() == null ? "" : config.model());
            provider.set(config.provider() == null ? "" : config.provider());
            parameters.show(config.parameters().isEmpty() ? null : config.parameters());
            tools.show(config.tools().isEmpty() ? null : config.tools());
            responseFormat.show(config.responseFormat());
            commitMessage.set("");
            message.set(null);
            error.set(null);
        } finally {
            loading = false;
        }
        edited();
    }

    /** Nothing open (no prompt selected, or another gateway). */
    public void clear() {
        loading = true;
        try {
            base.set(null);
            messages.clear();
            variables.clear();
            rendered.clear();
            tokens.set(0);
            templateProblem.set(null);
            model.set("");
            provider.set("");
            parameters.show(null);
            tools.show(null);
            responseFormat.show(null);
            commitMessage.set("");
            changed.set(false);
            message.set(null);
            error.set(null);
        } finally {
            loading = false;
        }
    }

    public void addMessage() {
        String role = messages.isEmpty() ? "system" : "user".equals(messages.getLast().role().get()) ? "assistant"
                : "user";
        messages.add(new MessageDraft(role, ""));
    }

    public void remove(MessageDraft draft) {
        messages.remove(draft);
    }

    public void moveUp(MessageDraft draft) {
        move(draft, -1);
    }

    public void moveDown(MessageDraft draft) {
        move(draft, 1);
    }

    private void move(MessageDraft draft, int by) {
        int from = messages.indexOf(draft);
        int to = from + by;
        if (from < 0 || to < 0 || to >= messages.size()) {
            return;
        }
        List<MessageDraft> order = new ArrayList<>(messages);
        order.remove(from);
        order.add(to, draft);
        messages.setAll(order);
    }

    /** Adds the editor's content as the prompt's next version, with the commit message. */
    public void save() {
        if (!canSave.get()) {
            return;
        }
        NewVersion version;
        try {
            version = new NewVersion(template(), config(), commitMessage.get().strip(), author);
        } catch (PromptException e) {
            error.set(e.getMessage());
            return;
        }
        String name = base.get().promptName();
        saving.set(true);
        error.set(null);
        message.set(null);
        calls.run(client -> client.saveVersion(name, version), saved -> {
            load(saved);
            message.set("Saved as version " + saved.number());
            onSaved.accept(saved);
        }, error::set, () -> saving.set(false));
    }

    private void edited() {
        if (loading || base.get() == null) {
            return;
        }
        changed.set(differsFromBase());
        analyse();
    }

    private boolean differsFromBase() {
        if (!jsonValid.get()) {
            return true;
        }
        try {
            return messages.isEmpty() || !template().equals(base.get().template())
                    || !config().equals(base.get().config());
        } catch (PromptException e) {
            return true;
        }
    }

    /** One analysis at a time; edits made meanwhile are analysed once it ends, so typing never queues up work. */
    private void analyse() {
        if (messages.isEmpty()) {
            variables.clear();
            rendered.clear();
            tokens.set(0);
            return;
        }
        if (analysing) {
            analyseAgain = true;
            return;
        }
        analysing = true;
        DraftAnalyser.Draft draft = new DraftAnalyser.Draft(base.get().promptName(), template(), model.get(),
                values());
        calls.run(client -> analyser.analyse(client, draft), this::show, templateProblem::set, () -> {
            analysing = false;
            if (analyseAgain) {
                analyseAgain = false;
                analyse();
            }
        });
    }

    private void show(DraftAnalyser.Analysis analysis) {
        templateProblem.set(analysis.problem());
        if (analysis.problem() != null) {
            return;
        }
        List<String> known = variables.stream().map(VariableValue::name).toList();
        if (!known.equals(analysis.variables())) {
            Map<String, VariableValue> kept = new LinkedHashMap<>();
            variables.forEach(v -> kept.put(v.name(), v));
            variables.setAll(analysis.variables().stream().map(name -> kept.computeIfAbsent(name, n -> {
                VariableValue fresh = new VariableValue(n);
                fresh.value().addListener(o -> analyse());
                return fresh;
            })).toList());
        }
        rendered.setAll(analysis.rendered());
        tokens.set(analysis.tokens());
    }

    private Map<String, String> values() {
        Map<String, String> values = new LinkedHashMap<>();
        variables.forEach(v -> {
            if (!v.value().get().isEmpty()) {
                values.put(v.name(), v.value().get());
            }
        });
        return values;
    }

    PromptTemplate template() {
        if (textPrompt.get()) {
            return new PromptTemplate.Text(messages.getFirst().content().get());
        }
        return new PromptTemplate.Chat(messages.stream()
                .map(m -> new ChatMessage(m.role().get(), m.content().get())).toList());
    }

    ModelConfig config() {
        return new ModelConfig(model.get().strip(), provider.get().strip(),
                map(parameters.value()), list(tools.value()), map(responseFormat.value()));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(JsonNode node) {
        return node == null ? null : Json.MAPPER.convertValue(node, Map.class);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(JsonNode node) {
        return node == null ? null : Json.MAPPER.convertValue(node, List.class);
    }

    /** The version being edited, or null when nothing is open. */
    public ObjectProperty<PromptVersion> base() {
        return base;
    }

    /** A text prompt (one template, includable as a partial) rather than chat messages. */
    public ReadOnlyBooleanProperty textPrompt() {
        return textPrompt;
    }

    public ObservableList<MessageDraft> messages() {
        return messages;
    }

    public StringProperty model() {
        return model;
    }

    public StringProperty provider() {
        return provider;
    }

    public StringProperty parametersJson() {
        return parameters.text();
    }

    public ReadOnlyStringProperty parametersProblem() {
        return parameters.problem();
    }

    public StringProperty toolsJson() {
        return tools.text();
    }

    public ReadOnlyStringProperty toolsProblem() {
        return tools.problem();
    }

    public StringProperty responseFormatJson() {
        return responseFormat.text();
    }

    public ReadOnlyStringProperty responseFormatProblem() {
        return responseFormat.problem();
    }

    /** The variables the template uses (partials included), in order, with the values typed to try it. */
    public ObservableList<VariableValue> variables() {
        return variables;
    }

    /** The messages as they render with the typed values (untyped ones render as nothing). */
    public ObservableList<ChatMessage> rendered() {
        return rendered;
    }

    /** Input tokens of the rendered prompt. */
    public ReadOnlyIntegerProperty tokens() {
        return tokens.getReadOnlyProperty();
    }

    /** Why the template cannot render (e.g. an unclosed section, with its line), or null. */
    public ReadOnlyStringProperty templateProblem() {
        return templateProblem.getReadOnlyProperty();
    }

    public StringProperty commitMessage() {
        return commitMessage;
    }

    /** The editor differs from the version it was loaded from. */
    public ReadOnlyBooleanProperty changed() {
        return changed.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty saving() {
        return saving.getReadOnlyProperty();
    }

    public BooleanBinding canSave() {
        return canSave;
    }

    public ReadOnlyStringProperty message() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty error() {
        return error.getReadOnlyProperty();
    }
}
