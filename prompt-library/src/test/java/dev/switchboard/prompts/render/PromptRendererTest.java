package dev.switchboard.prompts.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.switchboard.prompts.PromptException;
import dev.switchboard.prompts.model.ChatMessage;
import dev.switchboard.prompts.model.ModelConfig;
import dev.switchboard.prompts.model.PromptTemplate;
import dev.switchboard.prompts.model.PromptVersion;
import dev.switchboard.prompts.model.RenderedPrompt;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PromptRendererTest {
    private final Map<String, PromptVersion> prompts = new HashMap<>();
    private final PromptRenderer renderer = new PromptRenderer((name, ref) -> {
        PromptVersion version = prompts.get(name + "@" + ref);
        if (version == null) {
            throw PromptException.notFound("Prompt '" + name + "' has no label or version '" + ref + "'");
        }
        return version;
    });

    @Test
    void fillsVariablesInEveryMessageAndPassesTheModelConfigThrough() {
        ModelConfig config = new ModelConfig("gpt-4o", "openai", Map.of("temperature", 0.2),
                List.of(Map.of("type", "function")), Map.of("type", "json_object"));
        PromptVersion version = new PromptVersion("support/reply", 3, new PromptTemplate.Chat(List.of(
                new ChatMessage("system", "You help customers of {{company}}."),
                new ChatMessage("user", "{{question}}"))), config, "", "ada", Instant.EPOCH);

        RenderedPrompt rendered = renderer.render(version,
                Map.of("company", "Acme", "question", "Where is my order?"), RenderMode.STRICT);

        assertThat(rendered.messages()).containsExactly(
                new ChatMessage("system", "You help customers of Acme."),
                new ChatMessage("user", "Where is my order?"));
        assertThat(rendered.promptName()).isEqualTo("support/reply");
        assertThat(rendered.version()).isEqualTo(3);
        assertThat(rendered.config()).isEqualTo(config);
    }

    @Test
    void insertsValuesRawBecausePromptsAreNotHtml() {
        String rendered = renderText("Fix: {{code}}", Map.of("code", "if (a < b && c > \"d\") { x = 'y'; }"));

        assertThat(rendered).isEqualTo("Fix: if (a < b && c > \"d\") { x = 'y'; }");
    }

    @Test
    void textPromptRendersToOneUserMessage() {
        RenderedPrompt rendered = renderer.render(version("haiku", 1, "Write about {{topic}}"),
                Map.of("topic", "rain"), RenderMode.STRICT);

        assertThat(rendered.messages()).containsExactly(new ChatMessage("user", "Write about rain"));
    }

    @Test
    void sectionsRepeatForListsAndSwitchOnBooleans() {
        String template = "{{#items}}- {{name}}\n{{/items}}{{#vip}}VIP{{/vip}}{{^vip}}regular{{/vip}}";

        String vip = renderText(template, Map.of("items", List.of(Map.of("name", "tea"), Map.of("name", "cake")),
                "vip", true));
        String regular = renderText(template, Map.of("items", List.of(), "vip", false));

        assertThat(vip).isEqualTo("- tea\n- cake\nVIP");
        assertThat(regular).isEqualTo("regular");
    }

    @Test
    void strictModeNamesEveryMissingVariableAcrossMessagesInOrder() {
        PromptVersion version = new PromptVersion("support/reply", 1, new PromptTemplate.Chat(List.of(
                new ChatMessage("system", "{{company}} {{tone}}"),
                new ChatMessage("user", "{{question}} {{company}} {{#order}}{{id}}{{/order}}"))),
                ModelConfig.of(null), "", "ada", Instant.EPOCH);

        PromptException error = catchThrowableOfType(PromptException.class,
                () -> renderer.render(version, Map.of("tone", "warm"), RenderMode.STRICT));

        assertThat(error.kind()).isEqualTo(PromptException.Kind.INVALID);
        assertThat(error.missingVariables()).containsExactly("company", "question", "order");
        assertThat(error).hasMessage("Missing variables: company, question, order");
    }

    @Test
    void strictModeAcceptsFalseAndEmptySectionsAsSupplied() {
        String rendered = renderText("{{#notes}}{{text}}{{/notes}}{{#urgent}}!{{/urgent}}ok",
                Map.of("notes", List.of(), "urgent", false));

        assertThat(rendered).isEqualTo("ok");
    }

    @Test
    void lenientModeRendersMissingVariablesAsNothing() {
        RenderedPrompt rendered = renderer.render(version("greeting", 1, "Hello {{name}}!"), Map.of(),
                RenderMode.LENIENT);

        assertThat(rendered.messages().getFirst().content()).isEqualTo("Hello !");
    }

    @Test
    void partialsIncludeATextPromptByLabelOrByVersion() {
        prompts.put("snippets/tone@production", version("snippets/tone", 2, "Be {{mood}}."));
        prompts.put("snippets/tone@1", version("snippets/tone", 1, "Be formal."));

        String byLabel = renderText("{{> snippets/tone@production}} Answer.", Map.of("mood", "kind"));
        String byVersion = renderText("{{>snippets/tone@1}} Answer.", Map.of());

        assertThat(byLabel).isEqualTo("Be kind. Answer.");
        assertThat(byVersion).isEqualTo("Be formal. Answer.");
    }

    @Test
    void strictModeReportsVariablesMissingInsidePartials() {
        prompts.put("snippets/sign@latest", version("snippets/sign", 1, "-- {{agent}}"));

        assertThatThrownBy(() -> renderText("Hi {{name}} {{> snippets/sign@latest}}", Map.of()))
                .isInstanceOfSatisfying(PromptException.class, error ->
                        assertThat(error.missingVariables()).containsExactly("name", "agent"));
    }

    @Test
    void cyclicPartialsAreReportedWithTheChain() {
        prompts.put("b@production", version("b", 1, "B includes {{> a@production}}"));
        prompts.put("a@production", version("a", 1, "A includes {{> b@production}}"));

        assertThatThrownBy(() -> renderer.render(prompts.get("a@production"), Map.of(), RenderMode.LENIENT))
                .isInstanceOfSatisfying(PromptException.class, error ->
                        assertThat(error.kind()).isEqualTo(PromptException.Kind.INVALID))
                .hasMessage("Partials include each other in a cycle: a (v1) -> b@production (v1)"
                        + " -> a@production (v1)");
    }

    @Test
    void includingAnOlderVersionOfTheSamePromptIsNotACycle() {
        prompts.put("a@1", version("a", 1, "old"));

        RenderedPrompt rendered = renderer.render(version("a", 2, "new, was: {{> a@1}}"), Map.of(),
                RenderMode.STRICT);

        assertThat(rendered.messages().getFirst().content()).isEqualTo("new, was: old");
    }

    @Test
    void invalidTemplateNamesTheMessageAndLine() {
        PromptTemplate.Chat template = new PromptTemplate.Chat(List.of(new ChatMessage("system", "fine"),
                new ChatMessage("user", "line one\nline two\n{{#items}} never closed")));

        PromptException error = catchThrowableOfType(PromptException.class, () -> renderer.check(template));

        assertThat(error.kind()).isEqualTo(PromptException.Kind.INVALID);
        assertThat(error.templateLine()).hasValue(3);
        assertThat(error).hasMessage("Invalid template in message 2 (user), line 3: Failed to close 'items' tag");
    }

    @Test
    void partialWithoutLabelOrVersionIsInvalidWithItsLine() {
        PromptException error = catchThrowableOfType(PromptException.class,
                () -> renderer.check(new PromptTemplate.Text("intro\n{{> snippets/tone}}")));

        assertThat(error.templateLine()).hasValue(2);
        assertThat(error.getMessage()).contains("Invalid template in the prompt text, line 2")
                .contains("{{> snippets/tone@production}}");
    }

    @Test
    void checkDoesNotLookPartialsUpBecauseTheirLabelsMayComeLater() {
        renderer.check(new PromptTemplate.Text("{{> not/yet@production}}"));
    }

    @Test
    void unknownPartialIsNotFound() {
        assertThatThrownBy(() -> renderText("{{> missing@production}}", Map.of()))
                .isInstanceOfSatisfying(PromptException.class, error ->
                        assertThat(error.kind()).isEqualTo(PromptException.Kind.NOT_FOUND))
                .hasMessageContaining("{{> missing@production}}");
    }

    @Test
    void chatPromptsCannotBeIncluded() {
        prompts.put("conversation@1", new PromptVersion("conversation", 1,
                new PromptTemplate.Chat(List.of(new ChatMessage("user", "hi"))), ModelConfig.of(null), "", "ada",
                Instant.EPOCH));

        assertThatThrownBy(() -> renderText("{{> conversation@1}}", Map.of()))
                .isInstanceOf(PromptException.class)
                .hasMessageContaining("only text prompts can be included");
    }

    @Test
    void variablesAreDetectedInOrderInsideSectionsAndPartials() {
        prompts.put("snippets/sign@production", version("snippets/sign", 1, "-- {{agent}} {{company}}"));
        PromptVersion version = version("reply", 1,
                "{{company}} {{#orders}}{{id}} {{.}}{{/orders}}{{^vip}}{{{plan}}}{{/vip}}{{! note }}"
                        + "{{> snippets/sign@production}}");

        assertThat(renderer.variables(version)).containsExactly("company", "orders", "id", "vip", "plan", "agent");
    }

    private String renderText(String template, Map<String, ?> variables) {
        return renderer.render(version("test", 1, template), variables, RenderMode.STRICT)
                .messages().getFirst().content();
    }

    private static PromptVersion version(String name, int number, String text) {
        return new PromptVersion(name, number, new PromptTemplate.Text(text), ModelConfig.of(null), "", "ada",
                Instant.EPOCH);
    }
}
