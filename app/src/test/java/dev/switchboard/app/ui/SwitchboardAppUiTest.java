package dev.switchboard.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.app.GatewayFixture;
import dev.switchboard.gateway.trace.Trace;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.image.Image;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real app, headless, against its embedded gateway with a mock provider upstream: what a user sees when
 * requests flow. One app for the class (starting a gateway per test would dominate the run time); tests use
 * their own models or texts so they do not depend on each other's rows.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SwitchboardAppUiTest {
    @TempDir
    static Path configDir;
    @TempDir
    static Path dataDir;
    @TempDir
    static Path remoteDataDir;
    private final AppDriver ui = new AppDriver();
    private final GatewayFixture upstream = new GatewayFixture();
    private final AtomicInteger sent = new AtomicInteger();

    @BeforeAll
    void launch() throws Exception {
        ui.launch(configDir, dataDir);
    }

    @AfterAll
    void close() throws Exception {
        ui.close();
        upstream.close();
    }

    private void send(String model, String content) {
        assertThat(upstream.send(ui.baseUrl(), model, content, "{\"use_case\":\"ui-test\"}")).isEqualTo(200);
        sent.incrementAndGet();
    }

    @Test
    @Order(1)
    void firstRunShowsHowToSendAFirstRequestWithTheRealBaseUrl() {
        ui.waitUntil(() -> ui.visible("gettingStarted"));

        String curl = ui.onFx(() -> ui.lookup("#snippetCurl").<TextArea>query().getText());
        assertThat(curl).contains(ui.baseUrl() + "/v1/chat/completions");
        assertThat(ui.visible("startDemo")).isTrue();
        assertThat(ui.text("connectionLabel")).isEqualTo("Embedded gateway on " + ui.baseUrl());
    }

    @Test
    @Order(1)
    void theWindowCarriesTheSwitchboardIcon() {
        var icons = ui.onFx(() -> ((Stage) ui.lookup("#shell").query().getScene().getWindow()).getIcons());

        assertThat(icons).extracting(Image::getWidth).containsExactly(256.0, 512.0);
        assertThat(icons).noneMatch(Image::isError);
    }

    @Test
    @Order(2)
    void rowsAppearLiveAsRequestsFlow() {
        send("gpt-4o-mini", "first live call");
        send("gpt-4o-mini", "second live call");
        send("gpt-4o-mini", "third live call");

        ui.waitUntil(() -> ui.rows().size() >= 3);
        assertThat(ui.visible("gettingStarted")).isFalse();
        assertThat(ui.rows()).extracting(Trace::model).contains("gpt-4o-mini");
        ui.waitUntil(() -> ui.text("matchCount").equals(sent.get() + " traces"));
    }

    @Test
    @Order(3)
    void filtersNarrowTheRowsAndShowTheMatchCount() {
        send("gpt-4.1-mini", "filter me");
        send("gpt-4.1-mini", "filter me too");
        ui.waitUntil(() -> ui.text("matchCount").equals(sent.get() + " traces"));

        ui.interact(() -> ui.lookup("#filterModel").<ComboBox<String>>query().setValue("gpt-4.1-mini"));

        ui.waitUntil(() -> ui.rows().stream().allMatch(t -> t.model().equals("gpt-4.1-mini")));
        AppDriver.assertRowsOnly(ui.rows(), "gpt-4.1-mini");
        ui.waitUntil(() -> ui.text("matchCount").equals("2 of " + sent.get() + " traces match"));

        ui.type("filterText", "filter me too");
        ui.waitUntil(() -> ui.rows().size() == 1);

        ui.clickOn("#clearFilters");
        ui.waitUntil(() -> ui.rows().size() == sent.get());
    }

    @Test
    @Order(4)
    void badFilterInputShowsAReadableMessage() {
        ui.type("filterMinDuration", "fast");

        ui.waitUntil(() -> ui.visible("filterError"));
        assertThat(ui.text("filterError")).isEqualTo("Min duration must be a whole number of milliseconds, e.g. 500");

        ui.clickOn("#clearFilters");
        ui.waitUntil(() -> !ui.visible("filterError"));
    }

    @Test
    @Order(5)
    void theDetailPaneShowsTheConversation() {
        send("gpt-4o", "What is the capital of Peru?");
        ui.waitUntil(() -> ui.rows().stream().anyMatch(t -> t.model().equals("gpt-4o")));
        Trace trace = ui.rows().stream().filter(t -> t.model().equals("gpt-4o")).findFirst().orElseThrow();

        ui.select(trace);

        ui.waitUntil(() -> ui.lookup("#conversation .label").queryAll().stream()
                .anyMatch(n -> "What is the capital of Peru?".equals(((Label) n).getText())));
        assertThat(ui.lookup("#conversation .label").queryAll()).extracting(n -> ((Label) n).getText())
                .contains("USER", "ASSISTANT");
        assertThat(ui.text("detailTitle")).startsWith("gpt-4o");
        assertThat(ui.text("detailSubtitle")).contains(trace.id());

        // The other tabs join the scene when opened (see Tabs.whileSelected), with the selected trace in them.
        assertThat(ui.lookup("#headersTable").tryQuery()).isEmpty();
        ui.clickOn("Headers");
        ui.waitUntil(() -> ui.lookup("#headersTable").tryQuery().isPresent());
        assertThat(ui.onFx(() -> ui.lookup("#headersTable").<java.util.Map.Entry<String, String>>queryTableView()
                .getItems().stream().map(java.util.Map.Entry::getKey).toList()))
                .anyMatch(name -> name.equalsIgnoreCase("content-type"));
        ui.clickOn("Chat");
    }

    @Test
    @Order(6)
    void pausingHoldsNewRowsAndCountsThem() {
        ui.clickOn("#pauseLive");
        int before = ui.rows().size();
        send("gpt-4o-mini", "while paused");

        ui.waitUntil(() -> ui.text("pauseLive").equals("Resume (1 new)"));
        assertThat(ui.rows()).hasSize(before);

        ui.clickOn("#pauseLive");
        ui.waitUntil(() -> ui.rows().size() == before + 1);
        assertThat(ui.text("pauseLive")).isEqualTo("Pause live");
    }

    @Test
    @Order(7)
    void usageTotalsMatchTheRequestsSent() {
        ui.type("filterText", "kept while away");
        ui.show("navUsage");
        // A page not on screen leaves the scene, so live traces arriving meanwhile cost it no styling or layout.
        assertThat(ui.lookup("#traceTable").tryQuery()).as("the trace table while Usage is shown").isEmpty();

        ui.waitUntil(() -> ui.text("totalRequests").equals(Integer.toString(sent.get())));
        assertThat(ui.text("totalErrorRate")).isEqualTo("0.0%");
        assertThat(ui.text("totalCost")).startsWith("$");
        ui.waitUntil(() -> ui.onFx(() -> !ui.lookup("#breakdownTable").queryTableView().getItems().isEmpty()));
        ui.show("navTraces");
        assertThat(ui.text("filterText")).as("the Traces page comes back as it was left").isEqualTo("kept while away");
        ui.clickOn("#clearFilters");
        ui.waitUntil(() -> ui.rows().size() == sent.get());
    }

    @Test
    @Order(8)
    void aRemoteGatewayIsCheckedSavedAndShownLikeTheEmbeddedOne() {
        try (GatewayFixture remote = new GatewayFixture().withGateway(remoteDataDir)) {
            String remoteUrl = remote.gateway().baseUrl();
            remote.send(remoteUrl, "claude-remote-test", "hello remote", null);
            remote.send(remoteUrl, "claude-remote-test", "hello again", null);
            remote.awaitStored(2);
            ui.show("navSettings");

            ui.type("profileName", "Team gateway");
            ui.type("profileUrl", remoteUrl);
            ui.type("profileToken", "wrong-token");
            ui.click("#saveProfile");
            ui.waitUntil(() -> ui.text("profileMessage").contains("refused the admin token"));

            ui.type("profileToken", GatewayFixture.ADMIN_TOKEN);
            ui.click("#saveProfile");
            ui.waitUntil(() -> ui.text("profileMessage").startsWith("Saved Team gateway."));
            assertThat(ui.text("profileToken")).as("the token field is cleared once sealed").isEmpty();

            ui.click(".list-cell .button");
            ui.waitUntil(() -> ui.text("connectionLabel").equals("Remote: " + remoteUrl));
            ui.show("navTraces");
            ui.waitUntil(() -> ui.rows().size() == 2);
            AppDriver.assertRowsOnly(ui.rows(), "claude-remote-test");

            remote.send(remoteUrl, "claude-remote-test", "live over SSE", null);
            ui.waitUntil(() -> ui.rows().size() == 3);
        } finally {
            ui.interact(() -> ui.app().connection().startEmbedded());
        }
    }
}
