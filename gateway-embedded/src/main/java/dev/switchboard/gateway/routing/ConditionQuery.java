package dev.switchboard.gateway.routing;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Evaluates a conditional-routing query (MongoDB-style, as Portkey's) against the request: field paths start
 * with {@code metadata.} or {@code params.}; operators {@code $eq $ne $gt $gte $lt $lte $in $nin $regex} compare
 * a field, {@code $and $or} combine queries; a bare value means {@code $eq}. Numbers compare as numbers.
 */
public final class ConditionQuery {
    private static final Set<String> FIELD_OPERATORS = Set.of("$eq", "$ne", "$gt", "$gte", "$lt", "$lte", "$in",
            "$nin", "$regex");

    private ConditionQuery() {
    }

    /**
     * @param context {@code {"metadata":{...},"params":{...request body...}}}
     */
    public static boolean matches(JsonNode query, JsonNode context) {
        Iterator<Map.Entry<String, JsonNode>> fields = query.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            boolean ok = switch (field.getKey()) {
                case "$and" -> all(field.getValue(), context);
                case "$or" -> any(field.getValue(), context);
                default -> fieldMatches(resolve(context, field.getKey()), field.getValue());
            };
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    /** Checks a query's shape; errors name the JSON path. */
    static void validate(JsonNode query, String path) {
        query.fields().forEachRemaining(field -> {
            String at = path + "." + field.getKey();
            switch (field.getKey()) {
                case "$and", "$or" -> {
                    if (!field.getValue().isArray() || field.getValue().isEmpty()) {
                        throw ConfigParser.invalid(at, "must be a non-empty array of queries");
                    }
                    for (int i = 0; i < field.getValue().size(); i++) {
                        validate(field.getValue().get(i), at + "[" + i + "]");
                    }
                }
                default -> validateField(field.getKey(), field.getValue(), at);
            }
        });
    }

    private static void validateField(String name, JsonNode condition, String path) {
        if (!name.startsWith("metadata.") && !name.startsWith("params.")) {
            throw ConfigParser.invalid(path, "fields must start with metadata. or params.");
        }
        if (!condition.isObject()) {
            return;
        }
        condition.fields().forEachRemaining(op -> {
            if (!FIELD_OPERATORS.contains(op.getKey())) {
                throw ConfigParser.invalid(path + "." + op.getKey(), "unknown operator; use one of "
                        + String.join(" ", FIELD_OPERATORS.stream().sorted().toList()) + " $and $or");
            }
            if ((op.getKey().equals("$in") || op.getKey().equals("$nin")) && !op.getValue().isArray()) {
                throw ConfigParser.invalid(path + "." + op.getKey(), "must be an array");
            }
            if (op.getKey().equals("$regex")) {
                try {
                    Pattern.compile(op.getValue().asText());
                } catch (PatternSyntaxException e) {
                    throw ConfigParser.invalid(path + ".$regex", "is not a valid regular expression");
                }
            }
        });
    }

    private static boolean all(JsonNode queries, JsonNode context) {
        for (JsonNode query : queries) {
            if (!matches(query, context)) {
                return false;
            }
        }
        return true;
    }

    private static boolean any(JsonNode queries, JsonNode context) {
        for (JsonNode query : queries) {
            if (matches(query, context)) {
                return true;
            }
        }
        return false;
    }

    private static JsonNode resolve(JsonNode context, String dottedPath) {
        JsonNode node = context;
        for (String part : dottedPath.split("\\.")) {
            node = node.path(part);
        }
        return node;
    }

    private static boolean fieldMatches(JsonNode value, JsonNode condition) {
        if (!condition.isObject()) {
            return equal(value, condition);
        }
        Iterator<Map.Entry<String, JsonNode>> operators = condition.fields();
        while (operators.hasNext()) {
            Map.Entry<String, JsonNode> op = operators.next();
            JsonNode operand = op.getValue();
            boolean ok = switch (op.getKey()) {
                case "$eq" -> equal(value, operand);
                case "$ne" -> !equal(value, operand);
                case "$gt" -> present(value) && compare(value, operand) > 0;
                case "$gte" -> present(value) && compare(value, operand) >= 0;
                case "$lt" -> present(value) && compare(value, operand) < 0;
                case "$lte" -> present(value) && compare(value, operand) <= 0;
                case "$in" -> contains(operand, value);
                case "$nin" -> !value.isMissingNode() && !contains(operand, value);
                case "$regex" -> value.isValueNode() && Pattern.compile(operand.asText()).matcher(value.asText()).find();
                default -> false;
            };
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    private static boolean equal(JsonNode value, JsonNode operand) {
        if (value.isMissingNode() || value.isNull()) {
            return operand.isNull();
        }
        Double left = number(value);
        Double right = number(operand);
        if (left != null && right != null) {
            return left.equals(right);
        }
        return value.isValueNode() && operand.isValueNode() && value.asText().equals(operand.asText());
    }

    private static boolean present(JsonNode value) {
        return !value.isMissingNode() && !value.isNull();
    }

    /** Numbers numerically, else text. */
    private static int compare(JsonNode value, JsonNode operand) {
        Double left = number(value);
        Double right = number(operand);
        if (left != null && right != null) {
            return Double.compare(left, right);
        }
        return value.asText().compareTo(operand.asText());
    }

    private static boolean contains(JsonNode array, JsonNode value) {
        for (JsonNode candidate : array) {
            if (equal(value, candidate)) {
                return true;
            }
        }
        return false;
    }

    /** Metadata values are strings, so "5" counts as the number 5 when compared with a number. */
    private static Double number(JsonNode node) {
        if (node.isNumber()) {
            return node.asDouble();
        }
        if (node.isTextual()) {
            try {
                return Double.parseDouble(node.asText());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }
}
