package dev.switchboard.gateway.server;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StreamRelayTest {
    @Test
    void theFirstChunkWithTextOrAToolCallIsOutputButTheRoleAndUsageChunksAreNot() {
        assertThat(StreamRelay.carriesOutput(
                "{\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\"\"}}]}")).isFalse();
        assertThat(StreamRelay.carriesOutput(
                "{\"choices\":[],\"usage\":{\"prompt_tokens\":9,\"completion_tokens\":3}}")).isFalse();
        assertThat(StreamRelay.carriesOutput(
                "{\"choices\":[{\"index\":0,\"delta\":{\"content\": \"Hel\"}}]}")).isTrue();
        assertThat(StreamRelay.carriesOutput("{\"choices\":[{\"index\":0,\"delta\":{\"tool_calls\":[{\"index\":0,"
                + "\"id\":\"call_1\",\"function\":{\"name\":\"lookup\",\"arguments\":\"\"}}]}}]}")).isTrue();
    }
}
