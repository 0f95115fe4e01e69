package dev.switchboard.gateway.store;

import dev.switchboard.gateway.trace.TraceQuery;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Builds the WHERE clause for a {@link TraceQuery}; every filter is a bound argument, never concatenated text. */
final class TraceFilters {
    private TraceFilters() {
    }

    static SqlFilter where(TraceQuery q) {
        List<String> clauses = new ArrayList<>();
        List<Object> args = new ArrayList<>();
        clauses.add("1 = 1");
        equal(clauses, args, "t.provider", q.provider());
        equal(clauses, args, "t.model", q.model());
        equal(clauses, args, "t.prompt_name", q.promptName());
        if (q.status() != null && !q.status().isBlank()) {
            switch (q.status().trim().toLowerCase(Locale.ROOT)) {
                case "ok" -> clauses.add("t.is_error = FALSE");
                case "error" -> clauses.add("t.is_error = TRUE");
                default -> {
                    clauses.add("t.status = ?");
                    args.add(parseStatus(q.status()));
                }
            }
        }
        if (q.from() != null) {
            clauses.add("t.started_at >= ?");
            args.add(q.from().toEpochMilli());
        }
        if (q.to() != null) {
            clauses.add("t.started_at < ?");
            args.add(q.to().toEpochMilli());
        }
        if (q.minDurationMs() != null) {
            clauses.add("t.duration_ms >= ?");
            args.add(q.minDurationMs());
        }
        if (q.minCostUsd() != null) {
            clauses.add("t.cost_usd >= ?");
            args.add(q.minCostUsd());
        }
        if (q.metadataKey() != null && !q.metadataKey().isBlank()) {
            clauses.add("EXISTS (SELECT 1 FROM trace_metadata m WHERE m.trace_id = t.id AND m.meta_key = ?"
                    + (q.metadataValue() == null ? "" : " AND m.meta_value = ?") + ")");
            args.add(q.metadataKey());
            if (q.metadataValue() != null) {
                args.add(q.metadataValue());
            }
        }
        if (q.text() != null && !q.text().isBlank()) {
            String pattern = "%" + escapeLike(q.text().trim().toLowerCase(Locale.ROOT)) + "%";
            List<String> columns = List.of("t.id", "t.client_trace_id", "t.model", "t.error", "t.request_body",
                    "t.response_body");
            clauses.add("(" + String.join(" OR ", columns.stream()
                    .map(c -> "LOWER(" + c + ") LIKE ? ESCAPE '!'").toList()) + ")");
            columns.forEach(c -> args.add(pattern));
        }
        return new SqlFilter(String.join(" AND ", clauses), args);
    }

    private static void equal(List<String> clauses, List<Object> args, String column, String value) {
        if (value != null && !value.isBlank()) {
            clauses.add(column + " = ?");
            args.add(value.trim());
        }
    }

    private static int parseStatus(String status) {
        try {
            return Integer.parseInt(status.trim());
        } catch (NumberFormatException e) {
            throw new InvalidQueryException("status", "status must be ok, error or an HTTP status code");
        }
    }

    private static String escapeLike(String text) {
        return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }
}
