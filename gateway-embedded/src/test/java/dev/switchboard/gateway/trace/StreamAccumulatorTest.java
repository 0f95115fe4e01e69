package dev.switchboard.gateway.trace;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.gateway.Json;
import java.util.List;
import org.junit.jupiter.api.Test;

class StreamAccumulatorTest {

    @Test
    void joinsContentAndToolCallFragmentsIntoOneCompletion() {
        JsonNode completion = StreamAccumulator.fold(List.of(
                "{\"id\":\"c1\",\"created\":5,\"model\":\"gpt-4o\",\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\"Let me \"}}]}",
                "{\"id\":\"c1\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"check.\"}}]}",
                "{\"id\":\"c1\",\"choices\":[{\"index\":0,\"delta\":{\"tool_calls\":[{\"index\":0,\"id\":\"call_a\",\"type\":\"function\",\"function\":{\"name\":\"weather\",\"arguments\":\"\"}}]}}]}",
                "{\"id\":\"c1\",\"choices\":[{\"index\":0,\"delta\":{\"tool_calls\":[{\"index\":1,\"id\":\"call_b\",\"type\":\"function\",\"function\":{\"name\":\"time\",\"arguments\":\"{}\"}}]}}]}",
                "{\"id\":\"c1\",\"choices\":[{\"index\":0,\"delta\":{\"tool_calls\":[{\"index\":0,\"function\":{\"arguments\":\"{\\\"city\\\":\"}}]}}]}",
                "{\"id\":\"c1\",\"choices\":[{\"index\":0,\"delta\":{\"tool_calls\":[{\"index\":0,\"function\":{\"arguments\":\"\\\"Paris\\\"}\"}}]},\"finish_reason\":\"tool_calls\"}]}",
                "{\"id\":\"c1\",\"choices\":[],\"usage\":{\"prompt_tokens\":9,\"completion_tokens\":4,\"total_tokens\":13}}"));

        assertThat(completion).isEqualTo(Json.read("""
                {"id":"c1","created":5,"model":"gpt-4o","object":"chat.completion",
                 "choices":[{"index":0,"message":{"role":"assistant","content":"Let me check.","tool_calls":[
                   {"id":"call_a","type":"function","function":{"name":"weather","arguments":"{\\"city\\":\\"Paris\\"}"}},
                   {"id":"call_b","type":"function","function":{"name":"time","arguments":"{}"}}]},
                   "finish_reason":"tool_calls"}],
                 "usage":{"prompt_tokens":9,"completion_tokens":4,"total_tokens":13}}"""));
    }

    @Test
    void keepsChoicesApartWhenNIsAboveOne() {
        JsonNode completion = StreamAccumulator.fold(List.of(
                "{\"id\":\"c\",\"choices\":[{\"index\":1,\"delta\":{\"content\":\"B\"}},{\"index\":0,\"delta\":{\"content\":\"A\"}}]}",
                "{\"id\":\"c\",\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"},{\"index\":1,\"delta\":{},\"finish_reason\":\"length\"}]}"));

        assertThat(completion.path("choices").path(0).path("message").path("content").asText()).isEqualTo("A");
        assertThat(completion.path("choices").path(1).path("message").path("content").asText()).isEqualTo("B");
        assertThat(completion.path("choices").path(1).path("finish_reason").asText()).isEqualTo("length");
    }
}
