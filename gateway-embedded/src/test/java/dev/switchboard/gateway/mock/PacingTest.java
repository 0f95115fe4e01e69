package dev.switchboard.gateway.mock;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import okhttp3.Response;
import okio.BufferedSource;
import org.junit.jupiter.api.Test;

class PacingTest {

    @Test
    void streamWaitsForFirstTokenThenPacesTokens() throws IOException {
        MockOptions options = new MockOptions(MockOptions.DEFAULT_HOST, 0, 10, 20, 200);
        List<Long> dataArrivalsMs = new ArrayList<>();
        try (MockProvider mock = MockProvider.start(options)) {
            long started = System.nanoTime();
            try (Response response = MockHttp.CLIENT.newCall(MockHttp.postRequest(mock.baseUrl() + "/v1/chat/completions",
                    "{\"model\":\"m\",\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}"))
                    .execute()) {
                BufferedSource source = response.body().source();
                for (String line = source.readUtf8Line(); line != null; line = source.readUtf8Line()) {
                    if (line.startsWith("data: ")) {
                        dataArrivalsMs.add((System.nanoTime() - started) / 1_000_000);
                    }
                }
            }
        }

        // Lower bounds from the start only: a loaded machine can read late, never early.
        assertThat(dataArrivalsMs.getFirst()).isGreaterThanOrEqualTo(200);
        int tokens = dataArrivalsMs.size() - 3; // role chunk, finish chunk, [DONE]
        assertThat(dataArrivalsMs.getLast()).isGreaterThanOrEqualTo(200 + 20L * (tokens - 1));
    }
}
