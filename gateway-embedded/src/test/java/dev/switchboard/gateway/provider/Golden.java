package dev.switchboard.gateway.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.gateway.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Reads golden fixtures from {@code src/test/resources/golden} and compares translated JSON against them. */
public final class Golden {
    /** JSON numbers are equal by value: a translator writing 1.0 matches a fixture saying 1. */
    private static final Comparator<JsonNode> JSON_VALUES = (a, b) ->
            a.isNumber() && b.isNumber() ? a.decimalValue().compareTo(b.decimalValue()) : a.equals(b) ? 0 : 1;

    private Golden() {
    }

    public static String text(String path) {
        try (InputStream in = Golden.class.getResourceAsStream("/golden/" + path)) {
            assertThat(in).as("fixture golden/%s", path).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static JsonNode json(String path) {
        return Json.read(text(path));
    }

    public static ObjectNode object(String path) {
        return (ObjectNode) json(path);
    }

    /** One JSON document per non-blank line. */
    public static List<JsonNode> jsonLines(String path) {
        return text(path).lines().filter(line -> !line.isBlank()).map(Json::read).toList();
    }

    /** Parses a server-sent-events fixture as a client would: events end at a blank line, CRLF or LF. */
    public static List<SseEvent> sse(String path) {
        List<SseEvent> events = new ArrayList<>();
        String event = null;
        StringBuilder data = null;
        for (String line : text(path).split("\r\n|\n", -1)) {
            if (line.isEmpty()) {
                if (data != null) {
                    events.add(new SseEvent(event, data.toString()));
                }
                event = null;
                data = null;
            } else if (line.startsWith("event:")) {
                event = field(line);
            } else if (line.startsWith("data:")) {
                data = data == null ? new StringBuilder(field(line)) : data.append('\n').append(field(line));
            }
        }
        assertThat(data).as("%s must end with a blank line after its last event", path).isNull();
        return events;
    }

    public static void assertJsonEquals(JsonNode actual, JsonNode expected) {
        if (!actual.equals(JSON_VALUES, expected)) {
            fail("JSON differs.%nexpected:%n%s%nactual:%n%s", pretty(expected), pretty(actual));
        }
    }

    public static void assertJsonLinesEqual(List<String> actual, List<JsonNode> expected) {
        List<JsonNode> parsed = actual.stream().map(Json::read).toList();
        assertThat(parsed).as("number of chunks; actual:%n%s", String.join("\n", actual)).hasSameSizeAs(expected);
        for (int i = 0; i < expected.size(); i++) {
            if (!parsed.get(i).equals(JSON_VALUES, expected.get(i))) {
                fail("Chunk %d differs.%nexpected: %s%nactual:   %s", i, expected.get(i), parsed.get(i));
            }
        }
    }

    private static String field(String line) {
        String value = line.substring(line.indexOf(':') + 1);
        return value.startsWith(" ") ? value.substring(1) : value;
    }

    private static String pretty(JsonNode node) {
        try {
            return Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
