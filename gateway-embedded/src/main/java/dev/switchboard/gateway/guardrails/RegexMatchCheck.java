package dev.switchboard.gateway.guardrails;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.gateway.Json;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * {@code default.regexMatch}: passes when the text contains a match of {@code rule} (Java regex syntax, compiled once
 * at parse time); with {@code not: true} it passes when nothing matches, which makes it a block-list.
 */
record RegexMatchCheck(Pattern rule, Duration timeLimit) implements Check {
    /** Rules come from configs but the text comes from end users, so a backtracking rule must not pin a thread. */
    static final Duration DEFAULT_TIME_LIMIT = Duration.ofSeconds(1);
    private static final int EXCERPT = 100;

    static RegexMatchCheck parse(Params params) {
        String rule = params.requiredString("rule");
        try {
            return new RegexMatchCheck(Pattern.compile(rule), DEFAULT_TIME_LIMIT);
        } catch (PatternSyntaxException e) {
            throw params.error("rule", "'rule' is not a valid regular expression: " + e.getDescription()
                    + " near index " + e.getIndex());
        }
    }

    @Override
    public CheckOutcome evaluate(CheckContext context) {
        Matcher matcher = rule.matcher(new DeadlineText(context.text(), System.nanoTime() + timeLimit.toNanos()));
        boolean found = matcher.find();
        ObjectNode data = Json.object().put("rule", rule.pattern()).put("matched", found);
        if (found) {
            String match = matcher.group();
            data.put("matchedText", match.length() > EXCERPT ? match.substring(0, EXCERPT) + "…" : match);
        }
        data.put("explanation", found ? "The text matches the rule." : "The text does not match the rule.");
        return CheckOutcome.of(found, data);
    }

    /** A view of the text that aborts a runaway match once the deadline passes; one per evaluation, one thread. */
    private static final class DeadlineText implements CharSequence {
        private final String text;
        private final long deadlineNanos;
        private int reads;

        DeadlineText(String text, long deadlineNanos) {
            this.text = text;
            this.deadlineNanos = deadlineNanos;
        }

        @Override
        public char charAt(int index) {
            // Reading the clock on every call would dominate normal matches; every 4096th read is plenty.
            if ((++reads & 0xFFF) == 0 && System.nanoTime() > deadlineNanos) {
                throw new IllegalStateException("the rule took longer than the time limit to evaluate");
            }
            return text.charAt(index);
        }

        @Override
        public int length() {
            return text.length();
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            return text.substring(start, end);
        }

        @Override
        public String toString() {
            return text;
        }
    }
}
