package dev.switchboard.prompts;

import static dev.switchboard.prompts.Fixtures.prompt;
import static dev.switchboard.prompts.Fixtures.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.prompts.model.LabelMove;
import dev.switchboard.prompts.model.PromptTemplate;
import dev.switchboard.prompts.model.VersionRef;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
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
class LabelsTest {
    @Parameter
    TestDatabase.Kind kind;

    private static final Instant START = Instant.parse("2025-03-01T12:00:00Z");

    @TempDir
    Path dir;
    private TestDatabase database;
    private final MutableClock clock = new MutableClock(START);
    private PromptLibrary library;

    @BeforeEach
    void setUp() {
        database = TestDatabase.migrated(kind, dir);
        library = new PromptLibrary(database.dataSource(), clock);
        library.createPrompt(prompt("greeting"), text("v1"));
        library.addVersion("greeting", text("v2"));
        library.addVersion("greeting", text("v3"));
    }

    @AfterEach
    void tearDown() {
        database.close();
    }

    @Test
    void latestMovesWithEveryNewVersionAndCannotBeSet() {
        assertThat(textAt(VersionRef.LATEST)).isEqualTo("v3");
        library.addVersion("greeting", text("v4"));
        assertThat(textAt(VersionRef.LATEST)).isEqualTo("v4");

        assertThatThrownBy(() -> library.setLabel("greeting", "latest", 1, "ada"))
                .isInstanceOfSatisfying(PromptException.class,
                        error -> assertThat(error.kind()).isEqualTo(PromptException.Kind.INVALID));
    }

    @Test
    void labelsPointAtTheVersionTheyWereSetToAndMoveWhenSetAgain() {
        library.setLabel("greeting", "production", 1, "ada");
        library.setLabel("greeting", "staging", 3, "ada");
        assertThat(textAt(VersionRef.label("production"))).isEqualTo("v1");

        library.setLabel("greeting", "production", 2, "grace");

        assertThat(textAt(VersionRef.label("production"))).isEqualTo("v2");
        assertThat(library.getPrompt("greeting").labels()).isEqualTo(Map.of("production", 2, "staging", 3));
    }

    @Test
    void historyRecordsWhoMovedWhichLabelWhenFromWhereToWhereNewestFirst() {
        library.setLabel("greeting", "production", 1, "ada");
        clock.advance(Duration.ofHours(1));
        library.setLabel("greeting", "production", 3, "grace");
        clock.advance(Duration.ofHours(1));
        library.removeLabel("greeting", "production", "linus");

        assertThat(library.labelHistory("greeting")).containsExactly(
                new LabelMove("greeting", "production", 3, null, "linus", START.plus(Duration.ofHours(2))),
                new LabelMove("greeting", "production", 1, 3, "grace", START.plus(Duration.ofHours(1))),
                new LabelMove("greeting", "production", null, 1, "ada", START));
    }

    @Test
    void settingALabelToWhereItAlreadyPointsRecordsNothing() {
        library.setLabel("greeting", "production", 2, "ada");

        assertThat(library.setLabel("greeting", "production", 2, "grace")).isEmpty();
        assertThat(library.labelHistory("greeting")).hasSize(1);
    }

    @Test
    void undoPutsTheLabelBackAndIsRecordedSoItCanBeUndoneToo() {
        library.setLabel("greeting", "production", 1, "ada");
        library.setLabel("greeting", "production", 3, "ada");
        clock.advance(Duration.ofMinutes(5));

        LabelMove undo = library.undoLabelMove("greeting", "production", "grace");

        assertThat(undo).isEqualTo(new LabelMove("greeting", "production", 3, 1, "grace",
                START.plus(Duration.ofMinutes(5))));
        assertThat(textAt(VersionRef.label("production"))).isEqualTo("v1");
        assertThat(library.labelHistory("greeting").getFirst()).isEqualTo(undo);

        library.undoLabelMove("greeting", "production", "grace");
        assertThat(textAt(VersionRef.label("production"))).isEqualTo("v3");
    }

    @Test
    void undoingTheMoveThatCreatedALabelRemovesIt() {
        library.setLabel("greeting", "staging", 2, "ada");

        library.undoLabelMove("greeting", "staging", "ada");

        assertThat(library.getPrompt("greeting").labels()).isEmpty();
        assertThatThrownBy(() -> library.getVersion("greeting", VersionRef.label("staging")))
                .isInstanceOfSatisfying(PromptException.class,
                        error -> assertThat(error.kind()).isEqualTo(PromptException.Kind.NOT_FOUND));
    }

    @Test
    void unknownVersionLabelOrPromptIsNotFound() {
        assertNotFound(() -> library.setLabel("greeting", "production", 9, "ada"));
        assertNotFound(() -> library.removeLabel("greeting", "production", "ada"));
        assertNotFound(() -> library.undoLabelMove("greeting", "production", "ada"));
        assertNotFound(() -> library.setLabel("nope", "production", 1, "ada"));
        assertNotFound(() -> library.labelHistory("nope"));
        assertThat(library.labelHistory("greeting")).isEmpty();
    }

    private String textAt(VersionRef ref) {
        return ((PromptTemplate.Text) library.getVersion("greeting", ref).template())
                .text();
    }

    private static void assertNotFound(ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOfSatisfying(PromptException.class,
                error -> assertThat(error.kind()).isEqualTo(PromptException.Kind.NOT_FOUND));
    }
}
