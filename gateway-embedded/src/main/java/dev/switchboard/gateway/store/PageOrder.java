package dev.switchboard.gateway.store;

import dev.switchboard.gateway.trace.TraceQuery;
import java.util.Locale;

/**
 * The ORDER BY of a trace page: newest first, led by the column of an equality filter when there is one. Leading
 * with a column that is constant under the filter changes nothing in the result, but lets H2 read the matching
 * {@code (column, started_at, id)} index backwards instead of fetching and sorting every match (seconds over a
 * million traces, against milliseconds).
 */
final class PageOrder {
    private static final String NEWEST_FIRST = "t.started_at DESC, t.id DESC";

    private PageOrder() {
    }

    static String of(TraceQuery q) {
        if (present(q.model())) {
            return "t.model DESC, " + NEWEST_FIRST;
        }
        if (present(q.provider())) {
            return "t.provider DESC, " + NEWEST_FIRST;
        }
        if (present(q.promptName())) {
            return "t.prompt_name DESC, " + NEWEST_FIRST;
        }
        if (present(q.status()) && switch (q.status().trim().toLowerCase(Locale.ROOT)) {
            case "ok", "error" -> true;
            default -> false;
        }) {
            return "t.is_error DESC, " + NEWEST_FIRST;
        }
        return NEWEST_FIRST;
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }
}
