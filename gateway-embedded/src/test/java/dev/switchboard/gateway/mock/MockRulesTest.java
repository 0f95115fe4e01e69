package dev.switchboard.gateway.mock;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.gateway.Json;
import org.junit.jupiter.api.Test;

/** The mock's decisions without HTTP: reply text, tool arguments, fault markers. */
class MockRulesTest {

    @Test
    void fullRepliesAreWholeSentencesNearTheWantedLength() {
        CannedText text = new CannedText(40);

        for (int seed = 0; seed < 12; seed++) {
            Reply.Text reply = text.full(seed);
            assertThat(reply.text()).endsWith(".");
            assertThat(reply.pieces()).hasSizeBetween(30, 50);
            assertThat(String.join("", reply.pieces())).isEqualTo(reply.text());
        }
    }

    @Test
    void tinyRepliesStayTiny() {
        assertThat(new CannedText(2).full(0).pieces()).hasSize(2);
    }

    @Test
    void toolArgumentsFillRequiredPropertiesByTypeEnumAndName() {
        JsonNode schema = Json.read("""
                {"type":"object","required":["city","when","count","ratio","flag","tags","filter","mode","email"],
                 "properties":{"city":{"type":"string"},"when":{"type":"string","format":"date"},
                   "count":{"type":"integer"},"ratio":{"type":"number"},"flag":{"type":"boolean"},
                   "tags":{"type":"array","items":{"type":"string"}},
                   "filter":{"type":"object","properties":{"name":{"type":["string","null"]}},"required":["name"]},
                   "mode":{"enum":["fast","slow"]},"email":{"type":"string"},"ignored":{"type":"string"}}}""");

        ObjectNode arguments = ToolArguments.plausible(schema);

        assertThat(Json.write(arguments)).isEqualTo("{\"city\":\"Paris\",\"when\":\"2025-06-01\",\"count\":3,"
                + "\"ratio\":2.5,\"flag\":true,\"tags\":[\"example tags\"],\"filter\":{\"name\":\"Ada Lovelace\"},"
                + "\"mode\":\"fast\",\"email\":\"ada@example.com\"}");
    }

    @Test
    void toolWithoutSchemaGetsEmptyArguments() {
        assertThat(ToolArguments.plausible(null)).isEmpty();
    }

    @Test
    void faultMarkersCombineAndIgnoreNonErrorStatuses() {
        assertThat(FaultMarkers.in("plain text")).isSameAs(FaultMarkers.NONE);
        assertThat(FaultMarkers.in("[mock:error 503] [mock:slow 250] [mock:break]"))
                .isEqualTo(new FaultMarkers(503, 250, true));
        assertThat(FaultMarkers.in("[mock:error 200]").errorStatus()).isZero();
        assertThat(FaultMarkers.in("[mock:slow 999999999]").slowMs()).isEqualTo(FaultMarkers.MAX_SLOW_MS);
    }
}
