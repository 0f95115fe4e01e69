package dev.switchboard.gateway.store;

import java.util.List;

/**
 * How usage rows are grouped: by a trace column, by one metadata key through a join, or not at all
 * ({@code none}: one total row).
 */
record UsageGrouping(String keyExpression, String join, List<Object> joinArgs) {
    private static final String METADATA_PREFIX = "metadata.";

    static UsageGrouping parse(String groupBy) {
        String by = groupBy == null || groupBy.isBlank() ? "model" : groupBy.trim();
        return switch (by) {
            case "model" -> column("t.model");
            case "provider" -> column("t.provider");
            case "prompt" -> column("t.prompt_name");
            case "endpoint" -> column("t.endpoint");
            case "apiKey" -> column("t.api_key_name");
            case "none" -> new UsageGrouping(null, "", List.of());
            default -> {
                if (!by.startsWith(METADATA_PREFIX) || by.length() == METADATA_PREFIX.length()) {
                    throw new InvalidQueryException("groupBy",
                            "groupBy must be none, model, provider, prompt, endpoint, apiKey or metadata.<key>");
                }
                yield new UsageGrouping("m.meta_value",
                        "LEFT JOIN trace_metadata m ON m.trace_id = t.id AND m.meta_key = ?",
                        List.of(by.substring(METADATA_PREFIX.length())));
            }
        };
    }

    /** The key as a select expression: a constant null when not grouped. */
    String selectKey() {
        return keyExpression == null ? "CAST(NULL AS VARCHAR(1))" : keyExpression;
    }

    /** Extra GROUP BY terms (with a leading comma), or nothing when not grouped. */
    String groupByTail() {
        return keyExpression == null ? "" : ", " + keyExpression;
    }

    private static UsageGrouping column(String expression) {
        return new UsageGrouping(expression, "", List.of());
    }
}
