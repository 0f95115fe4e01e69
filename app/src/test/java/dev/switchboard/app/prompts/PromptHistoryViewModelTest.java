package dev.switchboard.app.prompts;

import static dev.switchboard.app.prompts.AdminApiPromptsClientTest.chat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.app.common.UiTasks;
import dev.switchboard.prompts.diff.DiffLine;
import dev.switchboard.prompts.diff.MessageDiff;
import dev.switchboard.prompts.model.LabelMove;
import dev.switchboard.prompts.model.NewPrompt;
import java.util.List;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Version history, the diff of two picked versions, and label moves that wait for confirmation. */
class PromptHistoryViewModelTest {
    private final LibraryPromptsClient library = new LibraryPromptsClient();
    private PromptHistoryViewModel history;

    @BeforeEach
    void setUp() {
        library.createPrompt(new NewPrompt("triage", "", List.of()), chat("One.\nTwo.", "{{t}}", "v1"));
        library.saveVersion("triage", chat("One.\nTwo, changed.", "{{t}}", "v2"));
        library.saveVersion("triage", chat("One.\nTwo, changed.\nThree.", "{{t}}", "v3"));
        library.moveLabel("triage", "production", 1);
        library.labelMoves.set(0);
        PromptsViewModel page = new PromptsViewModel(new SimpleObjectProperty<>(library),
                new SimpleStringProperty(), UiTasks.sameThread(), "ann");
        page.pageShown();
        page.list().selected().set(page.list().prompts().getFirst());
        history = page.history();
    }

    @Test
    void theDiffStartsAtTheTwoNewestVersions() {
        assertThat(history.diff().get().oldVersion()).isEqualTo(2);
        assertThat(history.diff().get().newVersion()).isEqualTo(3);
    }

    @Test
    void anyTwoVersionsDiffOlderAgainstNewerWithColouredLines() {
        history.diffFrom().set(3);
        history.diffTo().set(1);

        var diff = history.diff().get();
        assertThat(diff.oldVersion()).isEqualTo(1);
        assertThat(diff.newVersion()).isEqualTo(3);
        MessageDiff system = diff.messages().getFirst();
        assertThat(system.change()).isEqualTo(MessageDiff.Change.CHANGED);
        assertThat(system.lines()).extracting(DiffLine::kind).containsExactly(DiffLine.Kind.EQUAL,
                DiffLine.Kind.DELETE, DiffLine.Kind.INSERT, DiffLine.Kind.INSERT);
        assertThat(diff.messages().get(1).change()).isEqualTo(MessageDiff.Change.UNCHANGED);
    }

    @Test
    void movingALabelAsksFirstAndMovesOnlyWhenConfirmed() {
        history.labelName().set("production");
        history.labelVersion().set(3);

        history.requestMove();

        assertThat(history.pendingMove().get().question()).isEqualTo("Move production of triage from version 1 to "
                + "version 3? Applications that ask for production get version 3 from their next call.");
        assertThat(library.labelMoves.get()).isZero();
        assertThat(library.getPrompt("triage").labels()).containsEntry("production", 1);

        history.confirmMove();

        assertThat(library.getPrompt("triage").labels()).containsEntry("production", 3);
        assertThat(history.pendingMove().get()).isNull();
        assertThat(history.message().get()).isEqualTo("production now points at version 3");
        assertThat(history.labels()).extracting(e -> e.getKey() + "=" + e.getValue()).containsExactly("production=3");
        assertThat(history.labelHistory()).extracting(LabelMove::fromVersion, LabelMove::toVersion)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1, 3), org.assertj.core.groups.Tuple.tuple(null, 1));
    }

    @Test
    void aCancelledMoveChangesNothing() {
        history.labelVersion().set(2);
        history.requestMove();
        history.cancelMove();

        assertThat(history.pendingMove().get()).isNull();
        assertThat(library.labelMoves.get()).isZero();
        assertThat(library.getPrompt("triage").labels()).containsEntry("production", 1);
    }

    @Test
    void aNewLabelIsCreatedAndLatestCannotBeMoved() {
        history.labelName().set("staging");
        history.labelVersion().set(2);
        history.requestMove();
        assertThat(history.pendingMove().get().question()).isEqualTo("Create the label staging on version 2 of triage?");
        history.confirmMove();
        assertThat(library.getPrompt("triage").labels()).containsEntry("staging", 2);

        history.labelName().set("latest");
        history.requestMove();
        assertThat(history.pendingMove().get()).isNull();
        assertThat(history.error().get()).contains("'latest' always points at the newest version");
    }

    @Test
    void aMoveToWhereTheLabelAlreadyIsNeedsNoConfirmation() {
        history.labelVersion().set(1);
        history.requestMove();

        assertThat(history.pendingMove().get()).isNull();
        assertThat(history.message().get()).isEqualTo("production already points at version 1");
    }
}
