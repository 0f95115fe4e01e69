package dev.switchboard.prompts.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.prompts.PromptException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NamesTest {

    @ParameterizedTest
    @ValueSource(strings = {"triage", "support/triage-v2", "a/b/c.d_e", "Summarise.2", "x"})
    void acceptsLettersDigitsDashUnderscoreDotAndFolders(String name) {
        assertThat(new NewPrompt(name, null, null).name()).isEqualTo(name);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "has space", "/leading", "trailing/", "double//slash", "ümlaut", "a@production",
            "../escape", "folder/./x", "tab\tname"})
    void rejectsAnythingElseAsInvalid(String name) {
        assertThatThrownBy(() -> new NewPrompt(name, null, null))
                .isInstanceOfSatisfying(PromptException.class, error ->
                        assertThat(error.kind()).isEqualTo(PromptException.Kind.INVALID))
                .hasMessageContaining("Invalid prompt name '" + name + "'");
    }

    @Test
    void rejectsOverlongNames() {
        assertThatThrownBy(() -> Names.requirePromptName("a".repeat(201))).isInstanceOf(PromptException.class);
    }

    @Test
    void labelsMustStartWithALetterSoTheyNeverLookLikeVersionNumbers() {
        assertThat(Names.requireLabel("production")).isEqualTo("production");
        assertThatThrownBy(() -> Names.requireLabel("2024")).isInstanceOf(PromptException.class);
        assertThatThrownBy(() -> Names.requireMovableLabel("latest")).hasMessageContaining("cannot be moved");
    }

    @Test
    void versionRefsParseDigitsAsNumbersAndAnythingElseAsLabels() {
        assertThat(VersionRef.parse("12")).isEqualTo(VersionRef.number(12));
        assertThat(VersionRef.parse("production")).isEqualTo(VersionRef.label("production"));
        assertThat(VersionRef.parse("latest")).isEqualTo(VersionRef.LATEST);
        assertThatThrownBy(() -> VersionRef.parse("0")).isInstanceOf(PromptException.class);
        assertThatThrownBy(() -> VersionRef.parse("99999999999")).isInstanceOf(PromptException.class);
    }

    @Test
    void tagsAreTrimmedDeduplicatedAndSorted() {
        assertThat(new NewPrompt("p", null, List.of(" support", "billing", "support")).tags())
                .containsExactly("billing", "support");
        assertThatThrownBy(() -> new NewPrompt("p", null, List.of(" "))).isInstanceOf(PromptException.class);
    }

    @Test
    void modelParametersCannotShadowRequestFieldsTheyHaveOwnFieldsFor() {
        assertThatThrownBy(() -> new ModelConfig("gpt-4o", null, Map.of("model", "other"), null, null))
                .isInstanceOf(PromptException.class)
                .hasMessageContaining("'model'");
    }

    @Test
    void modelConfigKeepsAnImmutableCopySoStoredVersionsCannotChange() {
        Map<String, Object> nested = new HashMap<>(Map.of("a", 1));
        List<Object> stop = new ArrayList<>(List.of("END"));
        Map<String, Object> parameters = new HashMap<>(Map.of("stop", stop, "logit_bias", nested));
        ModelConfig config = new ModelConfig("gpt-4o", null, parameters, null, null);

        parameters.put("temperature", 1);
        stop.add("STOP");
        nested.put("b", 2);

        assertThat(config.parameters()).isEqualTo(Map.of("stop", List.of("END"), "logit_bias", Map.of("a", 1)));
        assertThatThrownBy(() -> config.parameters().put("x", 1)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void chatRolesAreTheOnesChatApisAccept() {
        assertThatThrownBy(() -> new ChatMessage("robot", "hi")).hasMessageContaining("Invalid message role 'robot'");
    }
}
