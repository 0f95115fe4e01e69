package dev.switchboard.gateway.provider.gemini;

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

class GeminiStreamTranslatorTest {
    private final GeminiAdapter adapter = new GeminiAdapter(GeminiAdapterTest.CLOCK, new SequentialIds());

    @ParameterizedTest
    @ValueSource(strings = {"stream-text", "stream-function-call"})
    void translatesStreams(String name) {
        StreamTranslator translator = adapter.streamTranslator(Golden.object("gemini/chat-plain.request.openai.json"));
        List<String> chunks = new ArrayList<>();

        for (SseEvent event : Golden.sse("gemini/" + name + ".sse")) {
            chunks.addAll(translator.onEvent(event));
        }
        chunks.addAll(translator.onEnd());

        assertJsonLinesEqual(chunks, Golden.jsonLines("gemini/" + name + ".chunks.jsonl"));
    }

    @Test
    void errorObjectInTheStreamEndsItAsAnUpstreamError() {
        StreamTranslator translator = adapter.streamTranslator(Golden.object("gemini/chat-plain.request.openai.json"));
        List<SseEvent> events = Golden.sse("gemini/stream-error.sse");

        List<String> chunks = translator.onEvent(events.getFirst());

        assertJsonLinesEqual(chunks, Golden.jsonLines("gemini/stream-error.chunks.jsonl"));
        assertThatThrownBy(() -> translator.onEvent(events.get(1)))
                .isInstanceOfSatisfying(UpstreamStreamException.class,
                        e -> assertThat(e.type()).isEqualTo("UNAVAILABLE"))
                .hasMessage("The model is overloaded. Please try again later.");
    }

    @Test
    void owesNoUsageChunkWhenTheStreamCarriedNone() {
        StreamTranslator translator = adapter.streamTranslator(Golden.object("gemini/chat-plain.request.openai.json"));

        translator.onEvent(new SseEvent(null,
                "{\"candidates\":[{\"content\":{\"parts\":[{\"text\":\"Hi\"}],\"role\":\"model\"},\"index\":0}]}"));

        assertThat(translator.onEnd()).isEmpty();
    }
}
