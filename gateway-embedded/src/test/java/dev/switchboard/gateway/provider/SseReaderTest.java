package dev.switchboard.gateway.provider;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicInteger;
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

    @Test
    void waitsForTheNetworkOnlyOnceNoWholeLineIsAtHand() throws IOException {
        SseReader reader = new SseReader(new Buffer().writeUtf8("data: one\n\ndata: two\n\n"));
        AtomicInteger waits = new AtomicInteger();

        assertThat(reader.next(waits::incrementAndGet)).isEqualTo(new SseEvent(null, "one"));
        assertThat(reader.next(waits::incrementAndGet)).isEqualTo(new SseEvent(null, "two"));
        assertThat(waits).as("both events were already buffered").hasValue(0);
        assertThat(reader.next(waits::incrementAndGet)).isNull();
        assertThat(waits).as("the end of the stream had to be waited for").hasValue(1);
    }
}
