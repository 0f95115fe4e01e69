package dev.switchboard.prompts;

import static dev.switchboard.prompts.Fixtures.chat;
import static dev.switchboard.prompts.Fixtures.prompt;
import static dev.switchboard.prompts.Fixtures.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.prompts.model.ChatMessage;
import dev.switchboard.prompts.model.ModelConfig;
import dev.switchboard.prompts.model.NewPrompt;
import dev.switchboard.prompts.model.NewVersion;
import dev.switchboard.prompts.model.PromptDetails;
import dev.switchboard.prompts.model.PromptQuery;
import dev.switchboard.prompts.model.PromptSummary;
import dev.switchboard.prompts.model.PromptTemplate;
import dev.switchboard.prompts.model.PromptVersion;
import dev.switchboard.prompts.model.RenderedPrompt;
import dev.switchboard.prompts.model.VersionRef;
import dev.switchboard.prompts.render.RenderMode;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

@ParameterizedClass
@EnumSource(TestDatabase.Kind.class)
class PromptLibraryTest {
    @Parameter
    TestDatabase.Kind kind;

    private static final Instant START = Instant.parse("2025-01-31T09:30:00.123Z");

    @TempDir
    Path dir;
    private TestDatabase database;
    private final MutableClock clock = new MutableClock(START);
    private PromptLibrary library;

    @BeforeEach
    void setUp() {
        database = TestDatabase.migrated(kind, dir);
        library = new PromptLibrary(database.dataSource(), clock);
    }

    @AfterEach
    void tearDown() {
        database.close();
    }

    @Test
    void createdPromptHasVersionOneWithEverythingThatWasGiven() {
        ModelConfig config = new ModelConfig("gpt-4o", "openai", Map.of("temperature", 0.2, "max_tokens", 512),
                List.of(Map.of("type", "function", "function", Map.of("name", "lookup"))),
                Map.of("type", "json_object"));
        NewVersion first = new NewVersion(new PromptTemplate.Chat(List.of(new ChatMessage("system", "Be brief."),
                new ChatMessage("user", "{{question}}"))), config, "First draft", "ada");

        library.createPrompt(new NewPrompt("support/triage", "Sorts tickets", List.of("support", "triage")), first);
        PromptDetails stored = library.getPrompt("support/triage");

        assertThat(stored.prompt().description()).isEqualTo("Sorts tickets");
        assertThat(stored.prompt().tags()).containsExactly("support", "triage");
        assertThat(stored.prompt().createdAt()).isEqualTo(START);
        assertThat(stored.versions()).containsExactly(
                new PromptVersion("support/triage", 1, first.template(), config, "First draft", "ada", START));
    }

    @Test
    void versionsAreNumberedInOrderAndEarlierOnesStayAsTheyWere() {
        library.createPrompt(prompt("greeting"), text("Hello"));
        clock.advance(Duration.ofMinutes(1));
        PromptVersion second = library.addVersion("greeting", text("Hello {{name}}"));

        assertThat(second.number()).isEqualTo(2);
        assertThat(second.createdAt()).isEqualTo(START.plus(Duration.ofMinutes(1)));
        assertThat(library.getVersion("greeting", VersionRef.number(1)).template())
                .isEqualTo(new PromptTemplate.Text("Hello"));
        assertThat(library.getVersion("greeting", VersionRef.LATEST)).isEqualTo(second);
    }

    @Test
    void aTakenNameIsAConflict() {
        library.createPrompt(prompt("greeting"), text("Hello"));

        assertKind(() -> library.createPrompt(prompt("greeting"), text("Hi")), PromptException.Kind.CONFLICT);
        assertThat(library.getPrompt("greeting").versions()).hasSize(1);
    }

    @Test
    void unknownPromptVersionOrLabelIsNotFound() {
        library.createPrompt(prompt("greeting"), text("Hello"));

        assertKind(() -> library.getPrompt("nope"), PromptException.Kind.NOT_FOUND);
        assertKind(() -> library.addVersion("nope", text("x")), PromptException.Kind.NOT_FOUND);
        assertThatThrownBy(() -> library.getVersion("greeting", VersionRef.number(7)))
                .hasMessage("Prompt 'greeting' has no version 7 (latest is 1)");
        assertThatThrownBy(() -> library.getVersion("greeting", VersionRef.label("production")))
                .hasMessage("Prompt 'greeting' has no label 'production'");
        assertKind(() -> library.render("nope", VersionRef.LATEST, Map.of(), RenderMode.STRICT),
                PromptException.Kind.NOT_FOUND);
    }

    @Test
    void anInvalidTemplateIsRejectedWithItsLineAndNothingIsStored() {
        library.createPrompt(prompt("greeting"), text("Hello"));

        assertThatThrownBy(() -> library.addVersion("greeting", chat("ok", "Hi\n{{/closing}}")))
                .isInstanceOfSatisfying(PromptException.class, error -> {
                    assertThat(error.kind()).isEqualTo(PromptException.Kind.INVALID);
                    assertThat(error.templateLine()).hasValue(2);
                });
        assertThat(library.getPrompt("greeting").versions()).hasSize(1);
    }

    @Test
    void rendersByLabelThroughTheStoreIncludingPartialsFromOtherPrompts() {
        library.createPrompt(prompt("snippets/tone"), text("Be {{mood}}."));
        library.setLabel("snippets/tone", "production", 1, "ada");
        library.addVersion("snippets/tone", text("Be extremely {{mood}}."));
        library.createPrompt(prompt("support/reply"), chat("{{> snippets/tone@production}}", "{{question}}"));

        RenderedPrompt rendered = library.render("support/reply", VersionRef.LATEST,
                Map.of("mood", "kind", "question", "Refund?"), RenderMode.STRICT);

        assertThat(rendered.messages()).containsExactly(new ChatMessage("system", "Be kind."),
                new ChatMessage("user", "Refund?"));
        assertThat(library.variables("support/reply", VersionRef.LATEST)).containsExactly("mood", "question");
    }

    @Test
    void listsPromptsByNameTagAndFolder() {
        library.createPrompt(new NewPrompt("support/triage", "", List.of("support")), text("a"));
        library.createPrompt(new NewPrompt("support/mail/reply_v2", "", List.of("support", "mail")), text("b"));
        library.createPrompt(new NewPrompt("supporter", "", List.of()), text("c"));
        library.createPrompt(new NewPrompt("billing/invoice", "", List.of("mail")), text("d"));
        library.addVersion("billing/invoice", text("d2"));
        library.setLabel("billing/invoice", "production", 1, "ada");

        assertThat(names(PromptQuery.all()))
                .containsExactly("billing/invoice", "support/mail/reply_v2", "support/triage", "supporter");
        assertThat(names(new PromptQuery(null, null, "support")))
                .containsExactly("support/mail/reply_v2", "support/triage");
        assertThat(names(new PromptQuery(null, "mail", null))).containsExactly("billing/invoice",
                "support/mail/reply_v2");
        assertThat(names(new PromptQuery("REPLY", null, null))).containsExactly("support/mail/reply_v2");
        // '_' is a character in names, not a LIKE wildcard.
        assertThat(names(new PromptQuery("y_v", null, null))).containsExactly("support/mail/reply_v2");
        assertThat(names(new PromptQuery("t_i", null, null))).isEmpty();

        PromptSummary invoice = library.listPrompts(new PromptQuery("invoice", null, null)).getFirst();
        assertThat(invoice.latestVersion()).isEqualTo(2);
        assertThat(invoice.labels()).isEqualTo(Map.of("production", 1));
        assertThat(invoice.tags()).containsExactly("mail");
    }

    @Test
    void descriptionAndTagsCanChangeWithoutANewVersion() {
        library.createPrompt(new NewPrompt("greeting", "old", List.of("a")), text("Hello"));

        library.updatePrompt("greeting", "new", List.of("b", "c"));

        PromptDetails details = library.getPrompt("greeting");
        assertThat(details.prompt().description()).isEqualTo("new");
        assertThat(details.prompt().tags()).containsExactly("b", "c");
        assertThat(details.versions()).hasSize(1);
    }

    private List<String> names(PromptQuery query) {
        return library.listPrompts(query).stream().map(PromptSummary::name).toList();
    }

    private static void assertKind(ThrowingCallable call, PromptException.Kind kind) {
        assertThatThrownBy(call).isInstanceOfSatisfying(PromptException.class,
                error -> assertThat(error.kind()).isEqualTo(kind));
    }
}
