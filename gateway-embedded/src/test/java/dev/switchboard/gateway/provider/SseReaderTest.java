package dev.switchboard.gateway.provider;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import okio.Buffer;
import org.junit.jupiter.api.Test;

class SseReaderTest {

    @Test
    void readsNamedEventsMultiLineDataAndSkipsComments() throws IOException {
        SseReader reader = new SseReader(new Buffer().writeUtf8("""
                : ping
                event: message_start
                data: {"a":1}

                data:line one
                data: line two
                id: 7

                event: message_stop
                data: {}
                """));

        assertThat(reader.next()).isEqualTo(new SseEvent("message_start", "{\"a\":1}"));
        assertThat(reader.next()).isEqualTo(new SseEvent(null, "line one\nline two"));
        assertThat(reader.next()).isEqualTo(new SseEvent("message_stop", "{}"));
        assertThat(reader.next()).isNull();
    }

    @Test
    void handlesCrLfLineEnds() throws IOException {
        SseReader reader = new SseReader(new Buffer().writeUtf8("data: x\r\n\r\ndata: [DONE]\r\n\r\n"));

        assertThat(reader.next().data()).isEqualTo("x");
        assertThat(reader.next().data()).isEqualTo("[DONE]");
        assertThat(reader.next()).isNull();
    }
}
