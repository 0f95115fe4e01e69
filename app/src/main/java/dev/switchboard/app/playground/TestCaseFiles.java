package dev.switchboard.app.playground;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.gateway.Json;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads test cases from files users already have. CSV: a header row; a {@code name} column names the case, columns
 * named {@code assert…} hold one assertion spec each, every other column is a variable. JSONL: one object per
 * line, {@code {"name": …, "vars": {…}, "assert": ["contains: …", …]}}. A bad line fails with its line number.
 */
public final class TestCaseFiles {
    private TestCaseFiles() {
    }

    /** Parses by the file name's extension ({@code .csv}, else JSON lines). */
    public static List<TestCase> parse(String fileName, String content) {
        return fileName.toLowerCase(Locale.ROOT).endsWith(".csv") ? csv(content) : jsonLines(content);
    }

    public static List<TestCase> csv(String content) {
        List<List<String>> rows = CsvReader.rows(content);
        if (rows.isEmpty()) {
            return List.of();
        }
        List<String> header = rows.getFirst().stream().map(String::strip).toList();
        List<TestCase> cases = new ArrayList<>();
        for (int r = 1; r < rows.size(); r++) {
            List<String> row = rows.get(r);
            if (row.size() == 1 && row.getFirst().isBlank()) {
                continue;
            }
            if (row.size() != header.size()) {
                throw new IllegalArgumentException("Line " + (r + 1) + " has " + row.size() + " fields, the header "
                        + header.size());
            }
            String name = "case " + r;
            Map<String, String> vars = new LinkedHashMap<>();
            List<String> assertions = new ArrayList<>();
            for (int c = 0; c < header.size(); c++) {
                String column = header.get(c);
                String value = row.get(c);
                if (column.equalsIgnoreCase("name")) {
                    name = value.isBlank() ? name : value;
                } else if (column.toLowerCase(Locale.ROOT).startsWith("assert")) {
                    if (!value.isBlank()) {
                        assertions.add(checked(value, r + 1));
                    }
                } else {
                    vars.put(column, value);
                }
            }
            cases.add(new TestCase(name, vars, assertions));
        }
        return cases;
    }

    public static List<TestCase> jsonLines(String content) {
        List<TestCase> cases = new ArrayList<>();
        String[] lines = content.split("\r?\n");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty()) {
                continue;
            }
            JsonNode node;
            try {
                node = Json.read(line);
            } catch (UncheckedIOException e) {
                throw new IllegalArgumentException("Line " + (i + 1) + " is not valid JSON");
            }
            if (!node.isObject()) {
                throw new IllegalArgumentException("Line " + (i + 1) + " is not a JSON object");
            }
            Map<String, String> vars = new LinkedHashMap<>();
            JsonNode varsNode = node.has("vars") ? node.get("vars") : node.path("variables");
            varsNode.properties().forEach(e -> vars.put(e.getKey(),
                    e.getValue().isTextual() ? e.getValue().asText() : Json.write(e.getValue())));
            List<String> assertions = new ArrayList<>();
            JsonNode assertNode = node.has("assert") ? node.get("assert") : node.path("assertions");
            for (JsonNode spec : assertNode) {
                assertions.add(checked(spec.asText(), i + 1));
            }
            cases.add(new TestCase(node.path("name").asText("case " + (cases.size() + 1)), vars, assertions));
        }
        return cases;
    }

    /** Typed-in variables, one {@code name=value} per line. */
    public static Map<String, String> variables(String text) {
        Map<String, String> vars = new LinkedHashMap<>();
        String[] lines = text.split("\r?\n");
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].isBlank()) {
                continue;
            }
            int eq = lines[i].indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("Variables line " + (i + 1) + ": write name=value");
            }
            vars.put(lines[i].substring(0, eq).strip(), lines[i].substring(eq + 1).strip());
        }
        return vars;
    }

    /** Typed-in assertions, one spec per line, each checked. */
    public static List<String> assertions(String text) {
        List<String> specs = new ArrayList<>();
        String[] lines = text.split("\r?\n");
        for (int i = 0; i < lines.length; i++) {
            if (!lines[i].isBlank()) {
                specs.add(checked(lines[i].strip(), i + 1));
            }
        }
        return specs;
    }

    private static String checked(String spec, int line) {
        try {
            Assertion.parse(spec);
            return spec.strip();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Line " + line + ": " + e.getMessage());
        }
    }
}
