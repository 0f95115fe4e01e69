package dev.switchboard.gateway.provider.anthropic;

import static dev.switchboard.gateway.provider.Golden.assertJsonLinesEqual;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.gateway.provider.Golden;
import dev.switchboard.gateway.provider.SseEvent;
import dev.switchboard.gateway.provider.StreamTranslator;
import dev.switchboard.gateway.provider.UpstreamStreamException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AnthropicStreamTranslatorTest {
    private final AnthropicAdapter adapter = new AnthropicAdapter(AnthropicAdapterTest.CLOCK);

    @ParameterizedTest
    @ValueSource(strings = {"stream-text", "stream-tools"})
    void translatesStreams(String name) {
        StreamTranslator translator = adapter.streamTranslator(Golden.object("anthropic/chat-sampling.request.openai.json"));
        List<String> chunks = new ArrayList<>();

        for (SseEvent event : Golden.sse("anthropic/" + name + ".sse")) {
            chunks.addAll(translator.onEvent(event));
        }
        chunks.addAll(translator.onEnd());

        assertJsonLinesEqual(chunks, Golden.jsonLines("anthropic/" + name + ".chunks.jsonl"));
    }

    @Test
    void errorEventEndsTheStreamAsAnUpstreamError() {
        StreamTranslator translator = adapter.streamTranslator(Golden.object("anthropic/chat-sampling.request.openai.json"));
        List<SseEvent> events = Golden.sse("anthropic/stream-error.sse");
        List<String> chunks = new ArrayList<>();

        for (SseEvent event : events.subList(0, events.size() - 1)) {
            chunks.addAll(translator.onEvent(event));
        }

        assertJsonLinesEqual(chunks, Golden.jsonLines("anthropic/stream-error.chunks.jsonl"));
        assertThat(events.getLast().event()).isEqualTo("error");
        assertThatThrownBy(() -> translator.onEvent(events.getLast()))
                .isInstanceOfSatisfying(UpstreamStreamException.class,
                        e -> assertThat(e.type()).isEqualTo("overloaded_error"))
                .hasMessage("Overloaded");
    }

    @Test
    void contentBeforeMessageStartIsAnUpstreamErrorNotANullPointer() {
        StreamTranslator translator = adapter.streamTranslator(Golden.object("anthropic/chat-plain.request.openai.json"));

        assertThatThrownBy(() -> translator.onEvent(new SseEvent("content_block_delta",
                "{\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"text_delta\",\"text\":\"Hi\"}}")))
                .isInstanceOf(UpstreamStreamException.class);
    }
}
