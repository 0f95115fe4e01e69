package dev.switchboard.gateway.store;

import java.util.List;

/** How usage rows are grouped: by a trace column, or by one metadata key through a join. */
record UsageGrouping(String keyExpression, String join, List<Object> joinArgs) {
    private static final String METADATA_PREFIX = "metadata.";

    static UsageGrouping parse(String groupBy) {
        String by = groupBy == null || groupBy.isBlank() ? "model" : groupBy.trim();
        return switch (by) {
            case "model" -> column("t.model");
            case "provider" -> column("t.provider");
            case "prompt" -> column("t.prompt_name");
            case "endpoint" -> column("t.endpoint");
            default -> {
                if (!by.startsWith(METADATA_PREFIX) || by.length() == METADATA_PREFIX.length()) {
                    throw new InvalidQueryException("groupBy",
                            "groupBy must be model, provider, prompt, endpoint or metadata.<key>");
                }
                yield new UsageGrouping("m.meta_value",
                        "LEFT JOIN trace_metadata m ON m.trace_id = t.id AND m.meta_key = ?",
                        List.of(by.substring(METADATA_PREFIX.length())));
            }
        };
    }

    private static UsageGrouping column(String expression) {
        return new UsageGrouping(expression, "", List.of());
    }
}
