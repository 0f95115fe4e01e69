package dev.switchboard.prompts;

import static dev.switchboard.prompts.Fixtures.prompt;
import static dev.switchboard.prompts.Fixtures.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

@ParameterizedClass
@EnumSource(TestDatabase.Kind.class)
class ImportExportTest {
    @Parameter
    TestDatabase.Kind kind;

    /** Strings that trip up YAML and JSON writers: they must come back byte for byte. */
    private static final String AWKWARD = String.join("\n", "Line with trailing spaces   ", "\tTabbed",
            "  indented", "key: value # not a comment", "- not a list", "---", "yes", "null", "0.7", "\"quoted\"",
            "ünïcødé ✓ and emoji 🚀", "", "{{#items}}{{name}}{{/items}}", "");

    @TempDir
    Path dir;
    private final List<TestDatabase> databases = new ArrayList<>();
    private final MutableClock clock = new MutableClock(Instant.parse("2024-12-24T18:00:00.250Z"));
    private PromptLibrary source;

    @BeforeEach
    void setUp() {
        source = newLibrary("source");
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("temperature", 0.7);
        parameters.put("max_tokens", 1024);
        parameters.put("stop", Arrays.asList("END", null, "yes"));
        parameters.put("seed", 12345678901L);
        parameters.put("logit_bias", Map.of("50256", -100));
        parameters.put("top_p", 1.0);
        parameters.put("stream_options", Map.of("include_usage", true));
        ModelConfig config = new ModelConfig("gpt-4o", "openai", parameters,
                List.of(Map.of("type", "function", "function", Map.of("name", "lookup_order",
                        "parameters", Map.of("type", "object", "properties", Map.of("id", Map.of("type", "string")))))),
                Map.of("type", "json_schema", "json_schema", Map.of("name", "answer", "strict", true)));
        source.createPrompt(new NewPrompt("support/triage", "Sorts tickets.\nSecond line: yes", List.of("support",
                "0.5")), new NewVersion(new PromptTemplate.Chat(List.of(new ChatMessage("system", AWKWARD),
                new ChatMessage("user", "{{ticket}}"))), config, "First: draft", "Ada Lovelace"));
        clock.advance(Duration.ofSeconds(90));
        source.addVersion("support/triage", new NewVersion(new PromptTemplate.Text(""), ModelConfig.of(null), "",
                "grace"));
        source.setLabel("support/triage", "production", 1, "ada");
        source.createPrompt(prompt("snippets/tone"), text("Be kind.\n"));
        source.setLabel("snippets/tone", "staging", 1, "ada");
    }

    @AfterEach
    void tearDown() {
        databases.forEach(TestDatabase::close);
    }

    @ParameterizedTest
    @EnumSource(PromptFormat.class)
    void exportImportExportGivesIdenticalBytes(PromptFormat format) {
        byte[] one = source.export("support/triage", format);
        byte[] all = source.exportAll(format);

        PromptLibrary fromOne = newLibrary("one-" + format);
        fromOne.importPrompts(one, format, "importer");
        PromptLibrary fromAll = newLibrary("all-" + format);
        fromAll.importPrompts(all, format, "importer");

        assertThat(new String(fromOne.export("support/triage", format), StandardCharsets.UTF_8))
                .isEqualTo(new String(one, StandardCharsets.UTF_8));
        assertThat(new String(fromAll.exportAll(format), StandardCharsets.UTF_8))
                .isEqualTo(new String(all, StandardCharsets.UTF_8));
        assertThat(fromAll.getPrompt("support/triage")).isEqualTo(source.getPrompt("support/triage"));
    }

    @Test
    void yamlAndJsonCarryTheSameData() {
        PromptLibrary viaYaml = newLibrary("via-yaml");
        viaYaml.importPrompts(source.exportAll(PromptFormat.YAML), PromptFormat.YAML, "importer");

        assertThat(viaYaml.exportAll(PromptFormat.JSON)).isEqualTo(source.exportAll(PromptFormat.JSON));
    }

    @Test
    void yamlExportReadsLikeThePromptForReviewsInGit() {
        String yaml = new String(source.export("snippets/tone", PromptFormat.YAML), StandardCharsets.UTF_8);

        assertThat(yaml).startsWith("name: snippets/tone\n").contains("labels:\n  staging: 1\n")
                .contains("  - version: 1\n    text: |\n      Be kind.\n");
    }

    @Test
    void importingIntoAnEmptyStoreKeepsNumbersAuthorsTimesAndLabels() {
        PromptLibrary target = newLibrary("target");

        List<ImportResult> results = target.importPrompts(source.exportAll(PromptFormat.JSON), PromptFormat.JSON,
                "importer");

        assertThat(results).containsExactly(new ImportResult("snippets/tone", true, 1, 0, 1),
                new ImportResult("support/triage", true, 2, 0, 1));
        PromptDetails imported = target.getPrompt("support/triage");
        assertThat(imported).isEqualTo(source.getPrompt("support/triage"));
        assertThat(target.labelHistory("support/triage")).extracting(LabelMove::movedBy).containsExactly("importer");
    }

    @Test
    void reimportingSkipsIdenticalVersionsAppendsNewOnesAndFollowsLabels() {
        PromptLibrary target = newLibrary("target");
        target.importPrompts(source.export("support/triage", PromptFormat.YAML), PromptFormat.YAML, "importer");
        source.addVersion("support/triage", text("third"));
        source.setLabel("support/triage", "production", 3, "ada");

        List<ImportResult> results = target.importPrompts(source.export("support/triage", PromptFormat.YAML),
                PromptFormat.YAML, "importer");

        assertThat(results).containsExactly(new ImportResult("support/triage", false, 1, 2, 1));
        assertThat(target.getPrompt("support/triage")).isEqualTo(source.getPrompt("support/triage"));
        assertThat(target.labelHistory("support/triage").getFirst())
                .extracting(LabelMove::fromVersion, LabelMove::toVersion, LabelMove::movedBy)
                .containsExactly(1, 3, "importer");
    }

    @Test
    void divergingHistoryIsAConflictAndNothingIsImported() {
        PromptLibrary target = newLibrary("target");
        target.createPrompt(prompt("aaa/first"), text("unrelated"));
        target.createPrompt(prompt("support/triage"), text("a different version 1"));
        byte[] all = source.exportAll(PromptFormat.JSON);

        assertThatThrownBy(() -> target.importPrompts(all, PromptFormat.JSON, "importer"))
                .isInstanceOfSatisfying(PromptException.class,
                        error -> assertThat(error.kind()).isEqualTo(PromptException.Kind.CONFLICT))
                .hasMessageContaining("'support/triage': version 1");
        // All or nothing: snippets/tone came first in the file and must not have been created either.
        assertThat(target.listPrompts(PromptQuery.all()))
                .extracting(PromptSummary::name).containsExactly("aaa/first", "support/triage");
        assertThat(target.getPrompt("support/triage").versions()).hasSize(1);
    }

    @Test
    void brokenFilesAreInvalidAndSayWhere() {
        PromptLibrary target = newLibrary("target");

        assertThatThrownBy(() -> target.importPrompts("{\n  \"name\": \"x\",\n  oops\n}".getBytes(),
                PromptFormat.JSON, "importer")).isInstanceOfSatisfying(PromptException.class, error -> {
                    assertThat(error.kind()).isEqualTo(PromptException.Kind.INVALID);
                    assertThat(error.getMessage()).startsWith("Cannot read the JSON file at line 3");
                });
        String unknownField = new String(source.export("snippets/tone", PromptFormat.YAML), StandardCharsets.UTF_8)
                .replace("author:", "auther:");
        assertThatThrownBy(() -> target.importPrompts(unknownField.getBytes(StandardCharsets.UTF_8),
                PromptFormat.YAML, "importer")).hasMessageContaining("unknown field 'auther'");
        String badRole = new String(source.export("support/triage", PromptFormat.JSON), StandardCharsets.UTF_8)
                .replace("\"role\" : \"user\"", "\"role\" : \"robot\"");
        assertThatThrownBy(() -> target.importPrompts(badRole.getBytes(StandardCharsets.UTF_8), PromptFormat.JSON,
                "importer")).hasMessageContaining("Invalid message role 'robot'");
        String badTemplate = new String(source.export("snippets/tone", PromptFormat.JSON), StandardCharsets.UTF_8)
                .replace("Be kind.", "{{#open}}");
        assertThatThrownBy(() -> target.importPrompts(badTemplate.getBytes(StandardCharsets.UTF_8),
                PromptFormat.JSON, "importer")).hasMessageContaining("Failed to close 'open' tag");
        assertThat(target.listPrompts(PromptQuery.all())).isEmpty();
    }

    @Test
    void versionsMustBeNumberedFromOneWithoutGaps() {
        String gap = new String(source.export("support/triage", PromptFormat.JSON), StandardCharsets.UTF_8)
                .replace("\"version\" : 2", "\"version\" : 3");

        assertThatThrownBy(() -> newLibrary("target").importPrompts(gap.getBytes(StandardCharsets.UTF_8),
                PromptFormat.JSON, "importer")).hasMessageContaining("found 3 where 2 belongs");
    }

    private PromptLibrary newLibrary(String name) {
        try {
            TestDatabase database = TestDatabase.migrated(kind, Files.createDirectories(dir.resolve(name)));
            databases.add(database);
            return new PromptLibrary(database.dataSource(), clock);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
