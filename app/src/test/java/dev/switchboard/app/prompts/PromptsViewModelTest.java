package dev.switchboard.app.prompts;

import static dev.switchboard.app.prompts.AdminApiPromptsClientTest.chat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.app.common.UiTasks;
import dev.switchboard.prompts.model.NewPrompt;
import dev.switchboard.prompts.model.NewVersion;
import dev.switchboard.prompts.model.PromptSummary;
import dev.switchboard.prompts.model.PromptTemplate;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Prompts page's list, selection, creating, importing and exporting, on the real library in memory. */
class PromptsViewModelTest {
    private final LibraryPromptsClient library = new LibraryPromptsClient();
    private final SimpleObjectProperty<PromptsClient> client = new SimpleObjectProperty<>(library);
    private PromptsViewModel vm;

    @BeforeEach
    void setUp() {
        library.createPrompt(new NewPrompt("support/triage", "Sorts incoming tickets", List.of("support")),
                chat("You triage.", "{{ticket}}", "first"));
        library.createPrompt(new NewPrompt("support/mail/reply", "Answers customers", List.of("email", "support")),
                chat("You reply.", "{{mail}}", "first"));
        library.createPrompt(new NewPrompt("marketing/slogan", "", List.of("fun")), chat("Slogans.", "{{x}}", ""));
        library.saveVersion("support/triage", chat("You triage fast.", "{{ticket}}", "faster"));
        library.moveLabel("support/triage", "production", 2);
        vm = new PromptsViewModel(client, new SimpleStringProperty(), UiTasks.sameThread(), "ann");
        vm.pageShown();
    }

    private List<String> shownNames() {
        return vm.list().prompts().stream().map(PromptSummary::name).toList();
    }

    @Test
    void listsEveryPromptWithItsLabelsAndLatestVersion() {
        assertThat(shownNames()).containsExactly("marketing/slogan", "support/mail/reply", "support/triage");
        PromptSummary triage = vm.list().prompts().get(2);
        assertThat(triage.latestVersion()).isEqualTo(2);
        assertThat(triage.labels()).containsEntry("production", 2);
    }

    @Test
    void searchMatchesNameOrDescriptionAsTheUserTypes() {
        vm.list().search().set("REPL");
        assertThat(shownNames()).containsExactly("support/mail/reply");
        vm.list().search().set("incoming");
        assertThat(shownNames()).containsExactly("support/triage");
        vm.list().search().set("");
        assertThat(shownNames()).hasSize(3);
    }

    @Test
    void foldersMatchAtAnyDepthAndTagsExactly() {
        assertThat(vm.list().folders()).containsExactly("marketing", "support", "support/mail");
        assertThat(vm.list().tags()).containsExactly("email", "fun", "support");

        vm.list().folder().set("support");
        assertThat(shownNames()).containsExactly("support/mail/reply", "support/triage");
        vm.list().tag().set("email");
        assertThat(shownNames()).containsExactly("support/mail/reply");
        vm.list().folder().set("marketing");
        assertThat(shownNames()).isEmpty();
    }

    @Test
    void selectingAPromptOpensItsLatestVersionAndHistory() {
        vm.list().selected().set(vm.list().prompts().get(2));

        assertThat(vm.editor().base().get().number()).isEqualTo(2);
        assertThat(vm.editor().messages()).extracting(m -> m.content().get())
                .containsExactly("You triage fast.", "{{ticket}}");
        assertThat(vm.history().versions()).extracting(v -> v.number()).containsExactly(2, 1);
        assertThat(vm.history().labelHistory()).singleElement().satisfies(m -> assertThat(m.toVersion()).isEqualTo(2));
    }

    @Test
    void createsAPromptAndSelectsIt() {
        List<String> results = new ArrayList<>();
        vm.createPrompt("support/new-one", "Fresh", "support, beta", results::add);

        assertThat(results).containsExactly((String) null);
        assertThat(vm.list().selected().get().name()).isEqualTo("support/new-one");
        assertThat(vm.list().tags()).contains("beta");
        assertThat(vm.editor().variables()).extracting(VariableValue::name).containsExactly("input");
        assertThat(library.getPrompt("support/new-one").versions().getFirst().template())
                .isEqualTo(PromptsViewModel.STARTER);
    }

    @Test
    void aTakenNameOrABadNameIsSaidInWords() {
        List<String> results = new ArrayList<>();
        vm.createPrompt("support/triage", "", "", results::add);
        vm.createPrompt("no spaces please", "", "", results::add);

        assertThat(results.get(0)).contains("support/triage").contains("exists");
        assertThat(results.get(1)).startsWith("Invalid prompt name 'no spaces please'");
        assertThat(library.getPrompt("support/triage").latestVersion()).isEqualTo(2);
    }

    @Test
    void exportsToAFileAndImportsItIntoAnotherGateway(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("prompts.yaml");
        vm.exportAll(file);
        assertThat(Files.readString(file)).contains("name: support/triage");

        LibraryPromptsClient other = new LibraryPromptsClient();
        client.set(other);
        vm.importFile(file);

        assertThat(vm.error().get()).isNull();
        assertThat(vm.message().get()).isEqualTo(
                "Imported prompts.yaml: 3 prompt(s), 3 new, 4 version(s) added, 0 already here");
        assertThat(shownNames()).hasSize(3);
        assertThat(other.getPrompt("support/triage").labels()).containsEntry("production", 2);
    }

    @Test
    void aBrokenImportChangesNothingAndSaysWhy(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("broken.json");
        Files.writeString(file, "{\"name\": \"x\", \"versions\": [");

        vm.importFile(file);

        assertThat(vm.error().get()).startsWith("Nothing was imported from broken.json: Cannot read the JSON file");
        assertThat(shownNames()).hasSize(3);
    }

    @Test
    void switchingGatewaysEmptiesThePage() {
        vm.list().selected().set(vm.list().prompts().getFirst());
        client.set(null);

        assertThat(vm.list().prompts()).isEmpty();
        assertThat(vm.editor().base().get()).isNull();
        assertThat(vm.history().versions()).isEmpty();
    }

    @Test
    void aTextPromptEditsAsOneTemplate() {
        library.createPrompt(new NewPrompt("snippets/tone", "", List.of()),
                new NewVersion(new PromptTemplate.Text("Be kind to {{name}}."), null, "", "ann"));
        vm.refresh();
        vm.list().search().set("tone");
        vm.list().selected().set(vm.list().prompts().getFirst());

        assertThat(vm.editor().textPrompt().get()).isTrue();
        assertThat(vm.editor().messages()).singleElement()
                .satisfies(m -> assertThat(m.content().get()).isEqualTo("Be kind to {{name}}."));
    }
}
