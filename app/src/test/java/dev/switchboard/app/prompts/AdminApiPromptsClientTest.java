package dev.switchboard.app.prompts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.gateway.Gateway;
import dev.switchboard.gateway.GatewayConfig;
import dev.switchboard.prompts.diff.DiffLine;
import dev.switchboard.prompts.diff.MessageDiff;
import dev.switchboard.prompts.diff.PromptDiff;
import dev.switchboard.prompts.io.PromptFormat;
import dev.switchboard.prompts.model.ChatMessage;
import dev.switchboard.prompts.model.ImportResult;
import dev.switchboard.prompts.model.LabelMove;
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
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** The prompts client against a real gateway (H2 in a temp dir), as the app uses it for embedded and remote. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AdminApiPromptsClientTest {
    private static final String TOKEN = "t";
    @TempDir
    static Path dataDir;
    private Gateway gateway;
    private PromptsClient client;

    @BeforeAll
    void start() {
        gateway = Gateway.start(GatewayConfig.defaults(dataDir).withPort(0).withAdminToken(TOKEN));
        client = new AdminApiPromptsClient(gateway.baseUrl(), TOKEN, new OkHttpClient(), "ann");
    }

    @AfterAll
    void stop() {
        gateway.close();
    }

    static NewVersion chat(String system, String user, String commit) {
        return new NewVersion(new PromptTemplate.Chat(List.of(new ChatMessage("system", system),
                new ChatMessage("user", user))),
                new ModelConfig("gpt-4o-mini", null, Map.of("temperature", 0.2), List.of(), null), commit, "ann");
    }

    @Test
    void createsSavesVersionsMovesLabelsDiffsAndRenders() {
        PromptDetails created = client.createPrompt(new NewPrompt("support/triage", "Sorts tickets",
                List.of("support")), chat("You triage for {{company}}.", "Ticket: {{ticket}}", "first"));
        assertThat(created.latestVersion()).isEqualTo(1);
        assertThat(created.prompt().tags()).containsExactly("support");

        PromptVersion second = client.saveVersion("support/triage",
                chat("You triage tickets for {{company}}.\nBe brief.", "Ticket: {{ticket}}", "shorter"));
        assertThat(second.number()).isEqualTo(2);
        assertThat(second.commitMessage()).isEqualTo("shorter");
        assertThat(second.config().parameters()).containsEntry("temperature", 0.2);
        assertThat(client.listVersions("support/triage")).extracting(PromptVersion::number).containsExactly(1, 2);
        assertThat(client.getVersion("support/triage", VersionRef.number(1)).template())
                .isEqualTo(created.versions().getFirst().template());

        assertThat(client.moveLabel("support/triage", "production", 1)).isPresent();
        LabelMove promoted = client.moveLabel("support/triage", "production", 2).orElseThrow();
        assertThat(promoted.fromVersion()).isEqualTo(1);
        assertThat(promoted.toVersion()).isEqualTo(2);
        assertThat(promoted.movedBy()).as("the app's user is recorded").isEqualTo("ann");
        assertThat(client.moveLabel("support/triage", "production", 2)).isEmpty();
        assertThat(client.labelHistory("support/triage")).extracting(LabelMove::toVersion).containsExactly(2, 1);
        assertThat(client.getPrompt("support/triage").labels()).containsEntry("production", 2);

        PromptDiff diff = client.diff("support/triage", VersionRef.number(1), VersionRef.number(2));
        assertThat(diff.messages().getFirst().change()).isEqualTo(MessageDiff.Change.CHANGED);
        assertThat(diff.messages().getFirst().lines()).extracting(DiffLine::kind)
                .containsExactly(DiffLine.Kind.DELETE, DiffLine.Kind.INSERT, DiffLine.Kind.INSERT);
        assertThat(diff.messages().get(1).change()).isEqualTo(MessageDiff.Change.UNCHANGED);

        RenderedPrompt rendered = client.render("support/triage", VersionRef.label("production"),
                Map.of("company", "Acme", "ticket", "printer on fire"));
        assertThat(rendered.version()).isEqualTo(2);
        assertThat(rendered.messages()).extracting(ChatMessage::content)
                .containsExactly("You triage tickets for Acme.\nBe brief.", "Ticket: printer on fire");
    }

    @Test
    void listsWithSearchFolderAndTagAndShowsLabels() {
        client.createPrompt(new NewPrompt("mail/reply", "", List.of("email", "tone")),
                chat("Reply politely.", "{{mail}}", ""));
        client.createPrompt(new NewPrompt("mail/summary", "", List.of("email")), chat("Summarise.", "{{mail}}", ""));
        client.moveLabel("mail/reply", "staging", 1);

        assertThat(client.listPrompts(new PromptQuery(null, null, "mail"))).extracting(PromptSummary::name)
                .containsExactly("mail/reply", "mail/summary");
        assertThat(client.listPrompts(new PromptQuery("summ", null, null))).extracting(PromptSummary::name)
                .containsExactly("mail/summary");
        assertThat(client.listPrompts(new PromptQuery(null, "tone", null))).singleElement().satisfies(p -> {
            assertThat(p.labels()).containsEntry("staging", 1);
            assertThat(p.latestVersion()).isEqualTo(1);
        });
    }

    @Test
    void rendersPartialsAndNamesMissingVariables() {
        client.createPrompt(new NewPrompt("snippets/tone", "", List.of()),
                new NewVersion(new PromptTemplate.Text("Be kind to {{name}}."), null, "", "ann"));
        client.createPrompt(new NewPrompt("greeter", "", List.of()),
                chat("{{> snippets/tone@latest}}", "Hi {{name}}", ""));

        assertThat(client.render("greeter", VersionRef.LATEST, Map.of("name", "Bo")).messages())
                .extracting(ChatMessage::content).containsExactly("Be kind to Bo.", "Hi Bo");
        assertThatThrownBy(() -> client.render("greeter", VersionRef.LATEST, Map.of()))
                .isInstanceOf(PromptsException.class).hasMessageContaining("name")
                .satisfies(e -> assertThat(((PromptsException) e).status()).isEqualTo(400));
    }

    @Test
    void conflictsAndBadTemplatesComeBackAsReadableMessages() {
        client.createPrompt(new NewPrompt("taken", "", List.of()), chat("a", "b", ""));

        assertThatThrownBy(() -> client.createPrompt(new NewPrompt("taken", "", List.of()), chat("a", "b", "")))
                .isInstanceOf(PromptsException.class).hasMessageContaining("taken")
                .satisfies(e -> assertThat(((PromptsException) e).status()).isEqualTo(409));
        assertThatThrownBy(() -> client.saveVersion("taken", chat("{{#open}} never closed", "b", "")))
                .isInstanceOf(PromptsException.class).hasMessageContaining("line")
                .satisfies(e -> assertThat(((PromptsException) e).status()).isEqualTo(400));
        assertThatThrownBy(() -> client.getVersion("nope", VersionRef.LATEST))
                .isInstanceOf(PromptsException.class)
                .satisfies(e -> assertThat(((PromptsException) e).status()).isEqualTo(404));
        assertThat(client.listVersions("taken")).hasSize(1);
    }

    @Test
    void exportsAndImportsJsonAndYaml() {
        client.createPrompt(new NewPrompt("io/one", "", List.of()), chat("x {{y}}", "z", "v1"));
        byte[] yaml = client.exportPrompt("io/one", PromptFormat.YAML);
        assertThat(new String(yaml, StandardCharsets.UTF_8)).contains("name: io/one");
        byte[] all = client.exportAll(PromptFormat.JSON);
        assertThat(new String(all, StandardCharsets.UTF_8)).contains("\"io/one\"");

        List<ImportResult> again = client.importPrompts(yaml, PromptFormat.YAML);
        assertThat(again).singleElement().satisfies(r -> {
            assertThat(r.created()).isFalse();
            assertThat(r.versionsUnchanged()).isEqualTo(1);
        });
        String renamed = new String(yaml, StandardCharsets.UTF_8).replace("name: io/one", "name: io/two");
        assertThat(client.importPrompts(renamed.getBytes(StandardCharsets.UTF_8), PromptFormat.YAML))
                .singleElement().satisfies(r -> assertThat(r.created()).isTrue());
        assertThat(client.getPrompt("io/two").latestVersion()).isEqualTo(1);
    }

    @Test
    void aWrongTokenIsNamedNotDumped() {
        PromptsClient wrong = new AdminApiPromptsClient(gateway.baseUrl(), "wrong", new OkHttpClient());
        assertThatThrownBy(() -> wrong.listPrompts(PromptQuery.all()))
                .isInstanceOf(PromptsException.class).hasMessage("The gateway refused the admin token (HTTP 401)");
    }
}
