package dev.switchboard.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.gateway.mock.MockOptions;
import dev.switchboard.gateway.mock.MockProvider;
import dev.switchboard.gateway.trace.Trace;
import dev.switchboard.gateway.trace.TraceQuery;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Labeled;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Playground in the real app, headless, against its embedded gateway with the mock provider upstream: three
 * targets (OpenAI, Anthropic and Gemini wire formats) streaming side by side, one of them failing on its own, then
 * a matrix of test cases with assertions.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PlaygroundViewTest {
    @TempDir
    static Path configDir;
    @TempDir
    static Path dataDir;
    private final AppDriver ui = new AppDriver();
    private MockProvider mock;

    @BeforeAll
    void launch() throws Exception {
        // Paced, so the answers really arrive as streams of many chunks.
        mock = MockProvider.start(new MockOptions(MockOptions.DEFAULT_HOST, 0, 60, 5, 20));
        ui.launch(configDir, dataDir);
        ui.show("navPlayground");
    }

    @AfterAll
    void close() throws Exception {
        ui.close();
        mock.close();
    }

    private void target(int col, String provider, String model, String host) {
        ui.interact(() -> {
            ui.lookup("#targetProvider-" + col).<ComboBox<String>>query().setValue(provider);
            ui.lookup("#targetModel-" + col).<ComboBox<String>>query().setValue(model);
        });
        ui.type("targetHost-" + col, host);
    }

    private String textOf(String id) {
        return ui.onFx(() -> ((Labeled) ui.lookup("#" + id).query()).getText());
    }

    @Test
    @Order(1)
    void threeTargetsStreamSideBySideThroughTheGatewayAndOneFailsAlone() {
        for (int i = 0; i < 3; i++) {
            ui.click("#addTarget");
        }
        target(0, "openai", "gpt-4o-mini", mock.baseUrl() + "/v1");
        target(1, "anthropic", "claude-3-5-haiku-20241022", mock.baseUrl() + "/v1");
        target(2, "google", "gemini-2.0-flash", mock.baseUrl() + "/v1beta");
        // The gateway's model catalog arriving (again) after the cards are built keeps every target's model.
        ui.interact(() -> {
            var models = ui.app().playground().models();
            models.put("anthropic", List.of("claude-3-5-haiku-20241022", "claude-sonnet-4-20250514"));
            models.put("google", List.of("gemini-2.0-flash"));
            models.put("openai", List.of("gpt-4.1"));
        });
        assertThat(ui.onFx(() -> ui.app().playground().targets().stream().map(t -> t.model().get()).toList()))
                .containsExactly("gpt-4o-mini", "claude-3-5-haiku-20241022", "gemini-2.0-flash");
        ui.type("variable-topic", "retries with backoff");

        ui.click("#runButton");

        waitShowingMessage(() -> List.of(0, 1, 2).stream()
                .allMatch(i -> ui.lookup("#metrics-" + i).tryQuery().isPresent()
                        && textOf("metrics-" + i).startsWith("✓ Done")));
        for (int i = 0; i < 3; i++) {
            int col = i;
            String output = ui.onFx(() -> ui.lookup("#output-" + col).<TextArea>query().getText());
            assertThat(output).as("column %d", col).hasSizeGreaterThan(100);
            assertThat(textOf("metrics-" + col)).contains("TTFT").contains(" tokens · $");
            // Streaming answers redraw only what changed, not their whole viewport image (see LiveViewports).
            assertThat(ui.onFx(() -> ui.lookup("#output-" + col).query().lookup(".viewport").isCache())).isFalse();
        }
        assertThat(ui.onFx(() -> ui.lookup("#compareScroll").query().lookup(".viewport").isCache())).isFalse();
        // The hidden matrix builds no cards for a compare run; it shows the run once switched to.
        assertThat(ui.lookup("#cell-0-0").tryQuery()).isEmpty();
        // Every call went through the gateway, marked as the playground's, so Traces and Usage show them.
        ui.waitUntil(() -> playgroundTraces().size() == 3);
        assertThat(playgroundTraces()).extracting(Trace::provider)
                .containsExactlyInAnyOrder("openai", "anthropic", "google");
        assertThat(playgroundTraces()).extracting(t -> t.metadata().get("experiment_id")).doesNotContainNull()
                .containsOnly(playgroundTraces().getFirst().metadata().get("experiment_id"));

        ui.type("targetHost-2", "http://127.0.0.1:1/v1beta");
        ui.click("#rerun-2");

        ui.waitUntil(() -> ui.visible("error-2"));
        assertThat(textOf("error-2")).startsWith("HTTP 502");
        assertThat(textOf("metrics-0")).startsWith("✓ Done");
        assertThat(textOf("metrics-1")).startsWith("✓ Done");
    }

    /** Waits; a timeout says what the page's message line said, which is where a refused run explains itself. */
    private void waitShowingMessage(java.util.concurrent.Callable<Boolean> condition) {
        try {
            ui.waitUntil(condition);
        } catch (AssertionError e) {
            throw new AssertionError("The page says: " + textOf("playgroundMessage"), e);
        }
    }

    private List<Trace> playgroundTraces() {
        return ui.app().connection().client().get().traces(new TraceQuery(50, null, null, null, null, null, null,
                null, null, "source", "playground", null, null)).items();
    }

    @Test
    @Order(2)
    void aMatrixMarksEveryCellPassOrFailAndSummarisesEachTarget() {
        ui.click("#modeMatrix");
        ui.waitUntil(() -> ui.lookup("#cell-0-2").tryQuery().isPresent());
        assertThat(ui.onFx(() -> ui.lookup("#cell-0-2").<javafx.scene.layout.VBox>query().getChildren().stream()
                .map(n -> ((Labeled) n).getText()).toList())).anyMatch(t -> t.startsWith("HTTP 502"));
        ui.type("caseName", "words");
        ui.type("caseVariables", "topic=caching");
        ui.type("caseAssertions", "regex: [a-z]+");
        ui.click("#addCase");
        ui.type("caseName", "structured");
        ui.type("caseVariables", "topic=ids");
        ui.type("caseAssertions", "json");
        ui.click("#addCase");
        assertThat(ui.onFx(() -> ui.lookup("#casesTable").<TableView<?>>query().getItems().size())).isEqualTo(2);

        ui.click("#runButton");

        waitShowingMessage(() -> ui.lookup("#progress").<ProgressBar>query().getProgress() >= 1);
        assertThat(textOf("verdicts-0-0")).startsWith("✓ regex: [a-z]+");
        assertThat(textOf("verdicts-1-0")).startsWith("✗ json — not valid JSON");
        assertThat(textOf("summary-0")).startsWith("pass 50.0%");
        assertThat(textOf("summary-1")).startsWith("pass 50.0%");
        // The third target still points at an unreachable host: its cells fail, and say so, the others do not.
        assertThat(textOf("verdicts-0-2")).contains("the call failed");
        assertThat(textOf("summary-2")).startsWith("pass 0.0%").contains("2 failed");
        // Saved experiments stay out of the scene until their tab is opened (see PlaygroundView#experimentsTab).
        assertThat(ui.lookup("#experimentList").tryQuery()).isEmpty();
        ui.clickOn("Experiments");
        ui.waitUntil(() -> ui.lookup("#experimentList").tryQuery().isPresent()
                && ui.lookup("#experimentList").<TableView<?>>query().getItems().size() == 2);
    }
}
