package dev.switchboard.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import org.fxmisc.richtext.CodeArea;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Prompts page in the real app, headless, against its embedded gateway over the admin API: a user creates a
 * prompt, edits it, saves it as a new version, diffs the two versions and promotes one to production.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PromptsViewTest {
    @TempDir
    static Path configDir;
    @TempDir
    static Path dataDir;
    private final AppDriver ui = new AppDriver();

    @BeforeAll
    void launch() throws Exception {
        ui.launch(configDir, dataDir);
        ui.show("navPrompts");
        ui.waitUntil(() -> !ui.lookup("#newPrompt").<Node>query().isDisabled());
    }

    @AfterAll
    void close() throws Exception {
        ui.close();
    }

    @Test
    @Order(1)
    void aPromptCreatedInTheDialogOpensInTheEditorWithItsVariables() {
        ui.clickOn("#newPrompt");
        ui.waitUntil(() -> ui.visible("newPromptName"));
        ui.type("newPromptName", "support/triage");
        ui.type("newPromptTags", "support");
        ui.clickOn("#createPrompt");

        ui.waitUntil(() -> ui.text("editingVersion").equals("support/triage · editing from version 1"));
        ui.waitUntil(() -> ui.visible("variable-input"));
        assertThat(ui.onFx(() -> ui.lookup("#promptList").<ListView<?>>query().getItems().size())).isEqualTo(1);
    }

    @Test
    @Order(2)
    void aTakenNameIsRefusedInTheDialogWithTheGatewaysReason() {
        ui.clickOn("#newPrompt");
        ui.waitUntil(() -> ui.visible("newPromptName"));
        ui.type("newPromptName", "support/triage");
        ui.clickOn("#createPrompt");

        ui.waitUntil(() -> ui.visible("newPromptError"));
        assertThat(ui.text("newPromptError")).contains("support/triage").contains("exists");
        ui.clickOn("#createPromptCancel");
        ui.waitUntil(() -> !ui.visible("newPromptName"));
    }

    @Test
    @Order(3)
    void anEditSavedAsANewVersionShowsInTheDiffBesideTheOldOne() {
        CodeArea user = ui.lookup("#message1 .code-area").query();
        ui.clickOn(user);
        ui.interact(() -> user.moveTo(user.getLength()));
        ui.write(" about {{topic}}");
        ui.waitUntil(() -> ui.visible("variable-topic"));
        ui.type("variable-topic", "refunds");
        ui.waitUntil(() -> ui.onFx(() -> ui.lookup("#renderedPreview").<javafx.scene.control.TextArea>query()
                .getText().contains("about refunds")));
        ui.type("commitMessage", "Name the topic");
        ui.clickOn("#saveVersion");

        ui.waitUntil(() -> "Saved as version 2".equals(ui.text("editorMessage")));
        assertThat(ui.text("editingVersion")).isEqualTo("support/triage · editing from version 2");

        ui.clickOn("#tabPromptHistory");
        ui.waitUntil(() -> !cells("sb-diff-insert").isEmpty());
        assertThat(cells("sb-diff-delete")).singleElement().satisfies(t -> assertThat(t).endsWith("- {{input}}"));
        assertThat(cells("sb-diff-insert")).singleElement()
                .satisfies(t -> assertThat(t).endsWith("+ {{input}} about {{topic}}"));
        assertThat(ui.onFx(() -> ui.lookup("#diffFrom").<javafx.scene.control.ComboBox<?>>query().getValue()))
                .isEqualTo(1);
    }

    @Test
    @Order(4)
    void promotingAVersionToProductionAsksFirst() {
        ui.clickOn("#tabPromptLabels");
        ui.clickOn("#moveLabel");
        ui.waitUntil(() -> ui.visible("confirmMoveLabel"));
        ui.clickOn("#confirmMoveLabel");

        ui.waitUntil(() -> ui.text("labelMessage") != null || ui.text("labelError") != null);
        assertThat(ui.text("labelError")).isNull();
        assertThat(ui.text("labelMessage")).isEqualTo("production now points at version 2");
        ui.waitUntil(() -> ui.onFx(() -> ui.lookup("#labelHistory").<javafx.scene.control.TableView<?>>query()
                .getItems().size()) == 1);
    }

    @Test
    @Order(5)
    void unsavedEditsAreNotDroppedWithoutAsking() {
        ui.clickOn("#newPrompt");
        ui.waitUntil(() -> ui.visible("newPromptName"));
        ui.type("newPromptName", "support/other");
        ui.clickOn("#createPrompt");
        ui.waitUntil(() -> "support/other · editing from version 1".equals(ui.text("editingVersion")));
        ui.clickOn("#tabPromptEditor");
        ui.type("promptModel", "gpt-4o");

        ui.clickOn(ui.lookup("#promptList .list-cell").match(cell -> cellName(cell).equals("support/triage"))
                .<Node>query());
        ui.waitUntil(() -> ui.visible("confirmDiscard"));
        ui.clickOn("#confirmDiscardCancel");

        ui.waitUntil(() -> !ui.visible("confirmDiscard"));
        assertThat(ui.text("editingVersion")).isEqualTo("support/other · editing from version 1 · changed");
        assertThat(ui.text("promptModel")).isEqualTo("gpt-4o");
    }

    private static String cellName(Node cell) {
        Node graphic = ((javafx.scene.control.ListCell<?>) cell).getGraphic();
        return graphic == null ? "" : ((Label) graphic.lookup(".label")).getText();
    }

    /** The texts of the diff's cells with the given style, as a user reads them in the side-by-side view. */
    private List<String> cells(String styleClass) {
        return ui.onFx(() -> ui.lookup("#diffView ." + styleClass).queryAll().stream()
                .map(node -> ((Label) node).getText()).toList());
    }
}
