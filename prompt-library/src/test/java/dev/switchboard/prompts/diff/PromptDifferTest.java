package dev.switchboard.prompts.diff;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.prompts.diff.DiffLine.Kind;
import dev.switchboard.prompts.diff.MessageDiff.Change;
import dev.switchboard.prompts.model.ChatMessage;
import dev.switchboard.prompts.model.ModelConfig;
import dev.switchboard.prompts.model.PromptTemplate;
import dev.switchboard.prompts.model.PromptVersion;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PromptDifferTest {
    private final PromptDiffer differ = new PromptDiffer();

    @Test
    void changedMessageShowsEqualDeletedAndInsertedLinesWithBothLineNumbers() {
        PromptVersion before = chat(1, ModelConfig.of("gpt-4o"),
                new ChatMessage("system", "Be brief.\nBe kind.\nSign off."));
        PromptVersion after = chat(2, ModelConfig.of("gpt-4o"),
                new ChatMessage("system", "Be brief.\nBe warm.\nAsk one question.\nSign off."));

        PromptDiff diff = differ.diff(before, after);

        MessageDiff message = diff.messages().getFirst();
        assertThat(message.change()).isEqualTo(Change.CHANGED);
        assertThat(message.roleChanged()).isFalse();
        assertThat(message.lines()).containsExactly(
                new DiffLine(Kind.EQUAL, 1, 1, "Be brief."),
                new DiffLine(Kind.DELETE, 2, null, "Be kind."),
                new DiffLine(Kind.INSERT, null, 2, "Be warm."),
                new DiffLine(Kind.INSERT, null, 3, "Ask one question."),
                new DiffLine(Kind.EQUAL, 3, 4, "Sign off."));
        assertThat(diff.oldVersion()).isEqualTo(1);
        assertThat(diff.newVersion()).isEqualTo(2);
    }

    @Test
    void addedRemovedAndRoleChangedMessagesArePairedByPosition() {
        PromptVersion before = chat(1, ModelConfig.of("gpt-4o"), new ChatMessage("system", "Rules"),
                new ChatMessage("user", "Hi"), new ChatMessage("assistant", "Hello"));
        PromptVersion after = chat(2, ModelConfig.of("gpt-4o"), new ChatMessage("system", "Rules"),
                new ChatMessage("developer", "Hi"));
        PromptVersion longer = chat(3, ModelConfig.of("gpt-4o"), new ChatMessage("system", "Rules"),
                new ChatMessage("developer", "Hi"), new ChatMessage("user", "More\nlines"));

        List<MessageDiff> shrunk = differ.diff(before, after).messages();
        List<MessageDiff> grown = differ.diff(after, longer).messages();

        assertThat(shrunk).extracting(MessageDiff::change)
                .containsExactly(Change.UNCHANGED, Change.CHANGED, Change.REMOVED);
        assertThat(shrunk.get(1).roleChanged()).isTrue();
        assertThat(shrunk.get(1).oldRole()).isEqualTo("user");
        assertThat(shrunk.get(1).newRole()).isEqualTo("developer");
        assertThat(shrunk.get(1).lines()).containsExactly(new DiffLine(Kind.EQUAL, 1, 1, "Hi"));
        assertThat(shrunk.get(2).lines()).containsExactly(new DiffLine(Kind.DELETE, 1, null, "Hello"));
        assertThat(grown.get(2).change()).isEqualTo(Change.ADDED);
        assertThat(grown.get(2).oldRole()).isNull();
        assertThat(grown.get(2).lines()).containsExactly(new DiffLine(Kind.INSERT, null, 1, "More"),
                new DiffLine(Kind.INSERT, null, 2, "lines"));
    }

    @Test
    void settingsAreDiffedAsSortedPrettyJsonSoOnlyRealChangesShow() {
        PromptVersion before = chat(1, new ModelConfig("gpt-4o", "openai",
                Map.of("temperature", 0.2, "max_tokens", 256), null, null), new ChatMessage("user", "x"));
        PromptVersion after = chat(2, new ModelConfig("gpt-4o", "openai",
                Map.of("max_tokens", 256, "temperature", 0.7), null, null), new ChatMessage("user", "x"));

        List<DiffLine> settings = differ.diff(before, after).settings();

        assertThat(settings).filteredOn(line -> line.kind() != Kind.EQUAL).containsExactly(
                new DiffLine(Kind.DELETE, 5, null, "    \"temperature\" : 0.2"),
                new DiffLine(Kind.INSERT, null, 5, "    \"temperature\" : 0.7"));
        assertThat(settings).extracting(DiffLine::text).startsWith("{", "  \"model\" : \"gpt-4o\",",
                "  \"parameters\" : {", "    \"max_tokens\" : 256,");
        assertThat(differ.diff(before, after).messages().getFirst().change()).isEqualTo(Change.UNCHANGED);
    }

    @Test
    void identicalContentIsReportedAsIdenticalEvenAcrossVersions() {
        PromptVersion before = chat(1, ModelConfig.of("gpt-4o"), new ChatMessage("user", "same"));
        PromptVersion after = chat(2, ModelConfig.of("gpt-4o"), new ChatMessage("user", "same"));

        assertThat(differ.diff(before, after).identical()).isTrue();
        assertThat(differ.diff(before, chat(3, ModelConfig.of("gpt-4.1"), new ChatMessage("user", "same")))
                .identical()).isFalse();
    }

    @Test
    void aTextPromptIsDiffedAsOneMessageWithoutRole() {
        PromptVersion before = new PromptVersion("p", 1, new PromptTemplate.Text("a\nb"), ModelConfig.of(null), "",
                "ada", Instant.EPOCH);
        PromptVersion after = new PromptVersion("p", 2, new PromptTemplate.Text("a\nc"), ModelConfig.of(null), "",
                "ada", Instant.EPOCH);

        MessageDiff only = differ.diff(before, after).messages().getFirst();

        assertThat(only.oldRole()).isNull();
        assertThat(only.lines()).extracting(DiffLine::kind).containsExactly(Kind.EQUAL, Kind.DELETE, Kind.INSERT);
    }

    private static PromptVersion chat(int number, ModelConfig config, ChatMessage... messages) {
        return new PromptVersion("p", number, new PromptTemplate.Chat(List.of(messages)), config, "", "ada",
                Instant.EPOCH);
    }
}
