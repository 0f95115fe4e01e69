package dev.switchboard.app.playground;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaException;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import com.networknt.schema.resource.AllowSchemaLoader;
import dev.switchboard.gateway.Json;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A check on one cell's result, written as a one-line spec a user types or a CSV/JSONL file carries:
 * {@code equals: Paris}, {@code contains: refund}, {@code regex: ^\d{5}$}, {@code json},
 * {@code schema: {"type":"object","required":["id"]}}, {@code max_latency_ms: 2000}, {@code max_cost_usd: 0.001}.
 */
public sealed interface Assertion {

    /** The spec this assertion was parsed from, as saved. */
    String spec();

    Verdict check(CellResult result);

    /** Parses a spec; a bad one fails with a message naming the problem (shown next to the test case). */
    static Assertion parse(String spec) {
        String text = spec == null ? "" : spec.strip();
        int colon = text.indexOf(':');
        String kind = (colon < 0 ? text : text.substring(0, colon)).strip().toLowerCase(Locale.ROOT);
        String arg = colon < 0 ? "" : text.substring(colon + 1).strip();
        return switch (kind) {
            case "equals" -> new Equals(text, arg);
            case "contains" -> new Contains(text, requireArg(kind, arg));
            case "regex" -> new Regex(text, compile(arg));
            case "json" -> new ValidJson(text);
            case "schema" -> new MatchesSchema(text, schema(arg));
            case "max_latency_ms" -> new MaxLatency(text, number(kind, arg).longValueExact());
            case "max_cost_usd" -> new MaxCost(text, number(kind, arg));
            default -> throw new IllegalArgumentException("Unknown assertion '" + kind + "': use equals, contains, "
                    + "regex, json, schema, max_latency_ms or max_cost_usd");
        };
    }

    /** The output, trimmed, is exactly the text. */
    record Equals(String spec, String expected) implements Assertion {
        @Override
        public Verdict check(CellResult result) {
            boolean ok = result.output().strip().equals(expected);
            return new Verdict(spec, ok, ok ? "equal" : "got \"" + abbreviate(result.output().strip()) + "\"");
        }
    }

    /** The output contains the text. */
    record Contains(String spec, String needle) implements Assertion {
        @Override
        public Verdict check(CellResult result) {
            boolean ok = result.output().contains(needle);
            return new Verdict(spec, ok, ok ? "found" : "\"" + needle + "\" not in the output");
        }
    }

    /** The pattern is found somewhere in the output (anchor it with ^…$ for the whole output). */
    record Regex(String spec, Pattern pattern) implements Assertion {
        @Override
        public Verdict check(CellResult result) {
            boolean ok = pattern.matcher(result.output()).find();
            return new Verdict(spec, ok, ok ? "matched" : "no match for /" + pattern.pattern() + "/");
        }
    }

    /** The whole output (a Markdown code fence around it is allowed) is JSON. */
    record ValidJson(String spec) implements Assertion {
        @Override
        public Verdict check(CellResult result) {
            boolean ok = parseJson(result.output()).isPresent();
            return new Verdict(spec, ok, ok ? "valid JSON" : "not valid JSON");
        }
    }

    /** The output is JSON that validates against the schema. */
    record MatchesSchema(String spec, JsonSchema schema) implements Assertion {
        @Override
        public Verdict check(CellResult result) {
            Optional<JsonNode> json = parseJson(result.output());
            if (json.isEmpty()) {
                return new Verdict(spec, false, "not valid JSON");
            }
            Set<ValidationMessage> problems = schema.validate(json.get());
            return problems.isEmpty() ? new Verdict(spec, true, "matches the schema")
                    : new Verdict(spec, false, problems.stream().map(ValidationMessage::getMessage)
                    .min(Comparator.naturalOrder()).orElseThrow());
        }
    }

    /** The call took at most this long, start to last token. */
    record MaxLatency(String spec, long maxMs) implements Assertion {
        @Override
        public Verdict check(CellResult result) {
            boolean ok = result.latencyMs() != null && result.latencyMs() <= maxMs;
            return new Verdict(spec, ok, result.latencyMs() == null ? "no latency measured"
                    : result.latencyMs() + " ms");
        }
    }

    /** The call cost at most this much; an unknown cost fails, as it cannot be shown to be within budget. */
    record MaxCost(String spec, BigDecimal maxUsd) implements Assertion {
        @Override
        public Verdict check(CellResult result) {
            boolean ok = result.costUsd() != null && result.costUsd().compareTo(maxUsd) <= 0;
            return new Verdict(spec, ok, result.costUsd() == null ? "cost unknown (no price or no usage)"
                    : "$" + result.costUsd().toPlainString());
        }
    }

    private static String requireArg(String kind, String arg) {
        if (arg.isEmpty()) {
            throw new IllegalArgumentException("'" + kind + "' needs a value, e.g. " + kind + ": refund");
        }
        return arg;
    }

    private static Pattern compile(String regex) {
        try {
            return Pattern.compile(requireArg("regex", regex));
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("Invalid regex: " + e.getDescription() + " near index " + e.getIndex());
        }
    }

    private static BigDecimal number(String kind, String arg) {
        try {
            BigDecimal value = new BigDecimal(requireArg(kind, arg));
            if (value.signum() < 0) {
                throw new IllegalArgumentException("'" + kind + "' cannot be negative");
            }
            return value;
        } catch (NumberFormatException | ArithmeticException e) {
            throw new IllegalArgumentException("'" + kind + "' needs a number, got '" + arg + "'");
        }
    }

    private static JsonSchema schema(String text) {
        JsonNode node = parseJson(requireArg("schema", text))
                .filter(JsonNode::isObject)
                .orElseThrow(() -> new IllegalArgumentException("'schema' needs a JSON Schema object"));
        try {
            // Only bundled meta-schemas load: a remote $ref would make a test run fetch arbitrary URLs.
            JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012,
                    builder -> builder.jsonMapper(Json.MAPPER).schemaLoaders(loaders -> loaders.add(
                            new AllowSchemaLoader(iri -> iri.toString().startsWith("classpath:")))));
            JsonSchema schema = factory.getSchema(node);
            schema.initializeValidators();
            return schema;
        } catch (JsonSchemaException e) {
            throw new IllegalArgumentException("'schema' cannot be used: " + e.getMessage());
        }
    }

    /** Models often wrap JSON in a Markdown fence; that is still the JSON the user asked for. */
    private static Optional<JsonNode> parseJson(String text) {
        String trimmed = text.strip();
        if (trimmed.startsWith("```")) {
            trimmed = trimmed.replaceFirst("^```[a-zA-Z]*\\s*", "").replaceFirst("\\s*```$", "");
        }
        if (trimmed.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Json.read(trimmed));
        } catch (UncheckedIOException e) {
            return Optional.empty();
        }
    }

    private static String abbreviate(String text) {
        return text.length() <= 60 ? text : text.substring(0, 57) + "…";
    }
}
