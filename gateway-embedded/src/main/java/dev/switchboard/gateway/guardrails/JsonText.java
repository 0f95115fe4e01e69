package dev.switchboard.gateway.guardrails;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.switchboard.gateway.Json;
import java.io.IOException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the JSON a model produced. Models often wrap it, so this tries, in order: the whole text, the first fenced
 * code block, then the span from the first '{' to the last '}'. Trailing tokens are an error, so "true story" is not JSON.
 */
final class JsonText {
    private static final ObjectReader STRICT = Json.MAPPER.reader()
            .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    private static final Pattern FENCED = Pattern.compile("```[a-zA-Z]*\\s*\\n?(.*?)```", Pattern.DOTALL);

    private JsonText() {
    }

    static Optional<JsonNode> find(String text) {
        Optional<JsonNode> whole = parse(text);
        if (whole.isPresent()) {
            return whole;
        }
        Matcher fenced = FENCED.matcher(text);
        if (fenced.find()) {
            Optional<JsonNode> block = parse(fenced.group(1));
            if (block.isPresent()) {
                return block;
            }
        }
        int open = text.indexOf('{');
        int close = text.lastIndexOf('}');
        return open >= 0 && close > open ? parse(text.substring(open, close + 1)) : Optional.empty();
    }

    private static Optional<JsonNode> parse(String candidate) {
        if (candidate.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(STRICT.readTree(candidate));
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
