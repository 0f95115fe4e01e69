package dev.switchboard.gateway.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The timeout of each call is that call's own, although every call shares one client and its connections. */
class UpstreamClientTest {
    private static final String STREAM = "data: {\"n\":1}\n\ndata: {\"n\":2}\n\ndata: {\"n\":3}\n\ndata: [DONE]\n\n";

    @StartStop
    private final MockWebServer upstream = new MockWebServer();
    private final UpstreamClient client = new UpstreamClient();

    @AfterEach
    void close() {
        client.close();
    }

    @Test
    void letsAStreamRunLongerThanItsTimeoutWhileBytesKeepComing() throws Exception {
        // Four pieces 150 ms apart: 450 ms in all, never silent for the 400 ms allowed.
        upstream.enqueue(new MockResponse.Builder().body(STREAM)
                .throttleBody(STREAM.length() / 4 + 1, 150, TimeUnit.MILLISECONDS).build());

        try (Response response = client.open(chat(), Duration.ofMillis(400), true)) {
            assertThat(response.body().string()).isEqualTo(STREAM);
        }
    }

    @Test
    void cutsAStreamThatFallsSilentForLongerThanItsTimeout() {
        // The first piece at once, the next only after 2 s.
        upstream.enqueue(new MockResponse.Builder().body(STREAM)
                .throttleBody(STREAM.length() / 4 + 1, 2, TimeUnit.SECONDS).build());

        try (Response response = client.open(chat(), Duration.ofMillis(200), true)) {
            assertThatThrownBy(() -> response.body().string()).isInstanceOf(SocketTimeoutException.class);
        }
    }

    @Test
    void givesTheNextCallOnTheSameConnectionItsOwnTimeout() throws Exception {
        upstream.enqueue(new MockResponse.Builder().body(STREAM).build());
        upstream.enqueue(new MockResponse.Builder().body("{}").bodyDelay(500, TimeUnit.MILLISECONDS).build());

        try (Response stream = client.open(chat(), Duration.ofMillis(200), true)) {
            assertThat(stream.body().string()).isEqualTo(STREAM);
        }
        try (Response plain = client.open(chat(), Duration.ofSeconds(5), false)) {
            assertThat(plain.body().string()).as("a stream's 200 ms silence limit must not apply here")
                    .isEqualTo("{}");
        }
        upstream.takeRequest();
        assertThat(upstream.takeRequest().getExchangeIndex()).as("the pooled connection was reused").isEqualTo(1);
    }

    @Test
    void boundsAPlainCallAsAWholeWithItsTimeout() {
        upstream.enqueue(new MockResponse.Builder().headersDelay(2, TimeUnit.SECONDS).body("{}").build());

        assertThatThrownBy(() -> client.open(chat(), Duration.ofMillis(200), false))
                .hasMessageContaining("did not answer within 200 ms");
    }

    private UpstreamRequest chat() {
        return UpstreamRequest.post(upstream.url("/v1/chat/completions").toString(),
                Map.of("content-type", "application/json"), "{}".getBytes(StandardCharsets.UTF_8));
    }
}
