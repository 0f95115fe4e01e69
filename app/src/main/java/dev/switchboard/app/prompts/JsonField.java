package dev.switchboard.app.prompts;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.switchboard.gateway.Json;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * A JSON setting typed by the user (parameters, tools, response format): its text, and a readable problem while
 * the text is not valid JSON of the right shape. Blank means "not set". Checked on every change, on the FX thread:
 * these are a few hundred characters, parsed in microseconds.
 */
final class JsonField {
    /** Strict: {@code {…},} or two objects in a row is a mistake to name, not something to half-read. */
    private static final ObjectReader STRICT = Json.MAPPER.reader()
            .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private final String title;
    /** Says what is wrong with valid JSON of the wrong shape, or null when it fits. */
    private final Function<JsonNode, String> shape;
    private final StringProperty text = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper();

    JsonField(String title, Function<JsonNode, String> shape) {
        this.title = title;
        this.shape = shape;
        // A binding, not a listener: whoever reacts to the text first still reads the problem of the new text.
        problem.bind(Bindings.createStringBinding(() -> check(text.get()), text));
    }

    StringProperty text() {
        return text;
    }

    /** Null while the text is fine. */
    ReadOnlyStringProperty problem() {
        return problem.getReadOnlyProperty();
    }

    /** The parsed value, null when blank; call only while {@link #problem()} is null. */
    JsonNode value() {
        String current = text.get();
        return current == null || current.isBlank() ? null : Json.read(current);
    }

    /** Shows {@code value} pretty-printed, or blank for none. */
    void show(Object value) {
        text.set(value == null ? "" : pretty(value));
    }

    private String check(String current) {
        if (current == null || current.isBlank()) {
            return null;
        }
        JsonNode node;
        try {
            node = STRICT.readTree(current);
        } catch (JsonProcessingException e) {
            return title + " is not valid JSON (line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + "): " + e.getOriginalMessage();
        }
        String wrong = shape.apply(node);
        return wrong == null ? null : title + ": " + wrong;
    }

    static String pretty(Object value) {
        try {
            return Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot print a stored JSON value", e);
        }
    }
}
