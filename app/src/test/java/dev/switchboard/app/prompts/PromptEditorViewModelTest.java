package dev.switchboard.app.prompts;

import static dev.switchboard.app.prompts.AdminApiPromptsClientTest.chat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.app.common.UiTasks;
import dev.switchboard.prompts.model.ChatMessage;
import dev.switchboard.prompts.model.NewPrompt;
import dev.switchboard.prompts.model.NewVersion;
import dev.switchboard.prompts.model.PromptTemplate;
import dev.switchboard.prompts.model.PromptVersion;
import dev.switchboard.prompts.model.VersionRef;
import java.util.List;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The prompt editor: messages, variables, JSON settings, token count and saving versions. */
class PromptEditorViewModelTest {
    private final LibraryPromptsClient library = new LibraryPromptsClient();
    private PromptsViewModel page;
    private PromptEditorViewModel editor;

    @BeforeEach
    void setUp() {
        library.createPrompt(new NewPrompt("snippets/tone", "", List.of()),
                new NewVersion(new PromptTemplate.Text("Speak as {{brand}}."), null, "", "ann"));
        library.createPrompt(new NewPrompt("support/reply", "", List.of()),
                chat("{{> snippets/tone@latest}} Help {{customer.name}}.", "Ticket: {{ticket}}", "first"));
        page = new PromptsViewModel(new SimpleObjectProperty<>(library), new SimpleStringProperty(),
                UiTasks.sameThread(), "ann");
        page.pageShown();
        page.list().search().set("reply");
        page.list().selected().set(page.list().prompts().getFirst());
        editor = page.editor();
    }

    private List<String> variableNames() {
        return editor.variables().stream().map(VariableValue::name).toList();
    }

    private VariableValue variable(String name) {
        return editor.variables().stream().filter(v -> v.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void variablesComeFromTheTemplateAndItsPartialsInOrder() {
        assertThat(variableNames()).containsExactly("brand", "customer.name", "ticket");

        editor.messages().get(1).content().set("Ticket: {{ticket}} from {{#vip}}a VIP{{/vip}}");

        assertThat(variableNames()).containsExactly("brand", "customer.name", "ticket", "vip");
    }

    @Test
    void typedValuesSurviveTemplateEditsAndRender() {
        variable("ticket").value().set("printer on fire");
        editor.messages().getFirst().content().set("Help {{customer.name}} now.");

        assertThat(variableNames()).containsExactly("customer.name", "ticket");
        assertThat(variable("ticket").value().get()).isEqualTo("printer on fire");
        assertThat(editor.rendered()).extracting(ChatMessage::content)
                .containsExactly("Help  now.", "Ticket: printer on fire");
    }

    @Test
    void theTokenCountFollowsTheRenderedPrompt() {
        int empty = editor.tokens().get();
        assertThat(empty).isPositive();

        variable("ticket").value().set("The printer in room 4 prints every page twice and then jams on the third.");

        assertThat(editor.tokens().get()).isGreaterThan(empty + 10);
    }

    @Test
    void aBrokenTemplateIsNamedWithItsLine() {
        editor.messages().get(1).content().set("first line\n{{#open}} never closed");

        assertThat(editor.templateProblem().get()).contains("line 2").contains("message 2");
    }

    @Test
    void messagesAreAddedRemovedAndReorderedWithARoleEach() {
        editor.addMessage();
        MessageDraft added = editor.messages().getLast();
        assertThat(added.role().get()).isEqualTo("assistant");
        added.content().set("Sure, {{customer.name}}.");
        editor.moveUp(added);
        editor.messages().getFirst().role().set("developer");
        editor.remove(editor.messages().getLast());
        editor.commitMessage().set("reorder");
        editor.save();

        PromptVersion saved = library.getVersion("support/reply", VersionRef.LATEST);
        assertThat(saved.template()).isEqualTo(new PromptTemplate.Chat(List.of(
                new ChatMessage("developer", "{{> snippets/tone@latest}} Help {{customer.name}}."),
                new ChatMessage("assistant", "Sure, {{customer.name}}."))));
    }

    @Test
    void savingAddsAVersionWithItsCommitMessageAndKeepsTheOldOne() {
        assertThat(editor.canSave().get()).as("nothing changed yet").isFalse();
        editor.messages().get(1).content().set("Ticket #{{id}}: {{ticket}}");
        editor.model().set("gpt-4o");
        editor.parametersJson().set("{\"temperature\": 0.3}");
        editor.commitMessage().set("Ticket ids");
        assertThat(editor.canSave().get()).isTrue();

        editor.save();

        assertThat(editor.message().get()).isEqualTo("Saved as version 2");
        assertThat(editor.base().get().number()).isEqualTo(2);
        assertThat(editor.changed().get()).isFalse();
        PromptVersion second = library.getVersion("support/reply", VersionRef.number(2));
        assertThat(second.commitMessage()).isEqualTo("Ticket ids");
        assertThat(second.author()).isEqualTo("ann");
        assertThat(second.config().model()).isEqualTo("gpt-4o");
        assertThat(second.config().parameters()).containsEntry("temperature", 0.3);
        assertThat(library.getVersion("support/reply", VersionRef.number(1)).template())
                .isEqualTo(chat("{{> snippets/tone@latest}} Help {{customer.name}}.", "Ticket: {{ticket}}", "")
                        .template());
        assertThat(page.list().prompts().getFirst().latestVersion()).as("the list follows").isEqualTo(2);
        assertThat(page.history().versions()).extracting(PromptVersion::number).containsExactly(2, 1);
    }

    @Test
    void invalidJsonIsNamedWithItsLineAndBlocksSaving() {
        editor.commitMessage().set("x");
        editor.parametersJson().set("{\n  \"temperature\": 0.3,\n}");

        assertThat(editor.parametersProblem().get()).startsWith("Parameters is not valid JSON (line 3");
        assertThat(editor.canSave().get()).isFalse();

        editor.parametersJson().set("{\"temperature\": 0.3},");
        assertThat(editor.parametersProblem().get()).startsWith("Parameters is not valid JSON (line 1");

        editor.parametersJson().set("{\"model\": \"gpt-4o\"}");
        assertThat(editor.parametersProblem().get()).contains("'model' cannot be set here");

        editor.parametersJson().set("{\"max_tokens\": 200}");
        assertThat(editor.parametersProblem().get()).isNull();
        assertThat(editor.canSave().get()).isTrue();
    }

    @Test
    void toolsAndResponseFormatMustHaveOpenAisShape() {
        editor.toolsJson().set("{\"type\": \"function\"}");
        assertThat(editor.toolsProblem().get()).startsWith("Tools: give an array of tools");
        editor.toolsJson().set("[{\"type\": \"function\", \"function\": {}}]");
        assertThat(editor.toolsProblem().get()).isEqualTo("Tools: tool 1 needs \"function\": {\"name\": …}");
        editor.toolsJson().set("[{\"type\": \"function\", \"function\": {\"name\": \"lookup\", "
                + "\"parameters\": {\"type\": \"object\"}}}]");
        assertThat(editor.toolsProblem().get()).isNull();

        editor.responseFormatJson().set("{\"type\": \"xml\"}");
        assertThat(editor.responseFormatProblem().get())
                .isEqualTo("Response format: \"type\" must be text, json_object or json_schema");
        editor.responseFormatJson().set("{\"type\": \"json_schema\", \"json_schema\": {\"name\": \"r\"}}");
        assertThat(editor.responseFormatProblem().get()).contains("json_schema needs");
        editor.responseFormatJson().set("{\"type\": \"json_object\"}");
        assertThat(editor.responseFormatProblem().get()).isNull();
        assertThat(editor.canSave().get()).isTrue();

        editor.save();
        PromptVersion saved = library.getVersion("support/reply", VersionRef.LATEST);
        assertThat(saved.config().tools()).singleElement().satisfies(t -> assertThat(t).containsKey("function"));
        assertThat(saved.config().responseFormat()).containsEntry("type", "json_object");
    }

    @Test
    void theGatewaysRefusalIsShownAndNothingIsLost() {
        editor.messages().get(1).content().set("{{#open}} never closed");
        editor.commitMessage().set("broken");

        editor.save();

        assertThat(editor.error().get()).contains("line 1");
        assertThat(editor.messages().get(1).content().get()).isEqualTo("{{#open}} never closed");
        assertThat(library.listVersions("support/reply")).hasSize(1);
    }

    @Test
    void anOlderVersionCanBeTheStartOfTheNext() {
        editor.messages().get(1).content().set("v2 text");
        editor.save();
        page.editFrom(library.getVersion("support/reply", VersionRef.number(1)));
        editor.messages().get(1).content().set("v1 text, revised");
        editor.save();

        assertThat(library.getVersion("support/reply", VersionRef.LATEST).number()).isEqualTo(3);
        assertThat(library.getVersion("support/reply", VersionRef.number(2)).template())
                .isEqualTo(new PromptTemplate.Chat(List.of(
                        new ChatMessage("system", "{{> snippets/tone@latest}} Help {{customer.name}}."),
                        new ChatMessage("user", "v2 text"))));
    }
}
