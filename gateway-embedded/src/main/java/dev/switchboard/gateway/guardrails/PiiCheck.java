package dev.switchboard.gateway.guardrails;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.gateway.Json;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;

/**
 * {@code default.pii}: fails when the text contains personal data of the chosen {@code categories} (default: all).
 * With {@code redact: true} it also replaces every finding with {@code [REDACTED_<CATEGORY>]} so the provider (input)
 * or the client (output) never sees it; the failed verdict is still recorded. Reads the whole conversation, because
 * the provider receives all of it. The data reports counts per category, never the values found.
 */
record PiiCheck(Set<PiiCategory> categories, boolean redact) implements Check {

    /** One piece of personal data at {@code [start, end)} of the text. */
    record Finding(int start, int end, PiiCategory category) {
    }

    static PiiCheck parse(Params params) {
        boolean redact = params.bool("redact", false);
        JsonNode requested = params.optional("categories");
        if (requested == null) {
            return new PiiCheck(EnumSet.allOf(PiiCategory.class), redact);
        }
        Set<PiiCategory> categories = EnumSet.noneOf(PiiCategory.class);
        for (String id : params.strings("categories")) {
            PiiCategory category = PiiCategory.fromId(id);
            if (category == null) {
                throw params.error("categories", "unknown PII category '" + id + "'; known: "
                        + String.join(", ", Arrays.stream(PiiCategory.values()).map(PiiCategory::id).toList()));
            }
            categories.add(category);
        }
        return new PiiCheck(categories, redact);
    }

    @Override
    public TextScope scope() {
        return TextScope.CONVERSATION;
    }

    @Override
    public CheckOutcome evaluate(CheckContext context) {
        List<Finding> findings = find(context.text());
        Map<String, Integer> counts = new TreeMap<>();
        findings.forEach(finding -> counts.merge(finding.category().id(), 1, Integer::sum));
        ObjectNode data = Json.object();
        ObjectNode detected = data.putObject("detected");
        counts.forEach(detected::put);
        boolean rewrite = redact && !findings.isEmpty();
        data.put("redacted", rewrite);
        data.put("explanation", findings.isEmpty() ? "No personal data found."
                : findings.size() + " piece(s) of personal data found" + (rewrite ? " and redacted." : "."));
        return new CheckOutcome(findings.isEmpty(), data, rewrite ? this::redact : null);
    }

    /** Non-overlapping findings in text order; where categories overlap the earlier, then longer, match wins. */
    List<Finding> find(String text) {
        List<Finding> all = new ArrayList<>();
        for (PiiCategory category : categories) {
            Matcher matcher = category.pattern().matcher(text);
            while (matcher.find()) {
                int length = category.acceptedLength(matcher.group());
                if (length > 0) {
                    all.add(new Finding(matcher.start(), matcher.start() + length, category));
                }
            }
        }
        all.sort(Comparator.comparingInt(Finding::start).thenComparing(Comparator.comparingInt(Finding::end).reversed()));
        List<Finding> kept = new ArrayList<>();
        int covered = 0;
        for (Finding finding : all) {
            if (finding.start() >= covered) {
                kept.add(finding);
                covered = finding.end();
            }
        }
        return kept;
    }

    String redact(String text) {
        StringBuilder out = new StringBuilder(text.length());
        int from = 0;
        for (Finding finding : find(text)) {
            out.append(text, from, finding.start()).append(finding.category().placeholder());
            from = finding.end();
        }
        return out.append(text, from, text.length()).toString();
    }
}
