package dev.switchboard.gateway.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.gateway.GatewayException;
import dev.switchboard.gateway.Json;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ChatRequestTest {

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', textBlock = """
            {"messages":[{"role":"user","content":"hi"}]}                                     | model
            {"model":"m","messages":"hi"}                                                     | messages
            {"model":"m","messages":[]}                                                       | messages
            {"model":"m","messages":["hi"]}                                                   | messages[0]
            {"model":"m","messages":[{"content":"hi"}]}                                       | messages[0].role
            {"model":"m","messages":[{"role":"robot","content":"hi"}]}                        | messages[0].role
            {"model":"m","messages":[{"role":"user","content":42}]}                           | messages[0].content
            {"model":"m","messages":[{"role":"user"}]}                                        | messages[0].content
            {"model":"m","messages":[{"role":"user","content":[{"type":"input_audio"}]}]}     | messages[0].content[0].type
            {"model":"m","messages":[{"role":"user","content":[{"type":"text","text":7}]}]}   | messages[0].content[0].text
            {"model":"m","messages":[{"role":"user","content":[{"type":"image_url","image_url":{"url":"data:image/png,abc"}}]}]} | messages[0].content[0].image_url.url
            {"model":"m","messages":[{"role":"system","content":[{"type":"image_url"}]}]}     | messages[0].content[0].type
            {"model":"m","messages":[{"role":"user","content":"a"},{"role":"tool","content":"x"}]} | messages[1].tool_call_id
            {"model":"m","messages":[{"role":"assistant","tool_calls":[{"id":"c","type":"function","function":{"name":"f","arguments":"[1]"}}]}]} | messages[0].tool_calls[0].function.arguments
            {"model":"m","messages":[{"role":"assistant","tool_calls":[{"id":"c","type":"function"}]}]} | messages[0].tool_calls[0].function
            {"model":"m","messages":[{"role":"user","content":"a"}],"temperature":"hot"}       | temperature
            {"model":"m","messages":[{"role":"user","content":"a"}],"max_tokens":1.5}          | max_tokens
            {"model":"m","messages":[{"role":"user","content":"a"}],"stop":[1]}                | stop[0]
            {"model":"m","messages":[{"role":"user","content":"a"}],"tools":[{"type":"web_search"}]} | tools[0].type
            {"model":"m","messages":[{"role":"user","content":"a"}],"tool_choice":"always"}    | tool_choice
            {"model":"m","messages":[{"role":"user","content":"a"}],"response_format":{"type":"json_schema"}} | response_format.json_schema
            """)
    void rejectsBadShapesNamingTheParam(String json, String param) {
        ObjectNode request = (ObjectNode) Json.read(json);

        assertThatThrownBy(() -> ChatRequest.read(request))
                .isInstanceOfSatisfying(GatewayException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.param()).isEqualTo(param);
                });
    }
}
