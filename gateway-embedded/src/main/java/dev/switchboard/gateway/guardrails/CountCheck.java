package dev.switchboard.gateway.guardrails;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.gateway.Json;
import java.util.List;
import java.util.function.ToIntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code default.wordCount}, {@code default.sentenceCount} and {@code default.characterCount}: one range check over
 * a pluggable way of counting. Passes when {@code min <= count <= max}; bounds default to 0 and unlimited.
 */
record CountCheck(Unit unit, int min, int max) implements Check {

    /** What is counted, with the parameter and data names Portkey uses for it. */
    enum Unit {
        /** Whitespace-separated tokens holding at least one letter or digit, so "!!!" or "—" are not words. */
        WORDS("minWords", "maxWords", "wordCount", "words", CountCheck::countWords),
        /** Runs of text ending in . ! or ? followed by a space or the end; "3.14" or "p.m." mid-sentence don't split. */
        SENTENCES("minSentences", "maxSentences", "sentenceCount", "sentences", CountCheck::countSentences),
        /** Unicode code points, whitespace included, so an emoji counts once. */
        CHARACTERS("minCharacters", "maxCharacters", "characterCount", "characters",
                text -> text.codePointCount(0, text.length()));

        private final String minParam;
        private final String maxParam;
        private final String dataKey;
        private final String noun;
        private final ToIntFunction<String> counter;

        Unit(String minParam, String maxParam, String dataKey, String noun, ToIntFunction<String> counter) {
            this.minParam = minParam;
            this.maxParam = maxParam;
            this.dataKey = dataKey;
            this.noun = noun;
            this.counter = counter;
        }

        List<String> parameters() {
            return List.of(minParam, maxParam);
        }
    }

    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    private static final Pattern LETTER_OR_DIGIT = Pattern.compile("[\\p{L}\\p{N}]");
    private static final Pattern SENTENCE_END = Pattern.compile("[.!?]+[\"'”’)\\]]*(?=\\s|$)");

    static CountCheck parse(Params params, Unit unit) {
        int min = params.count(unit.minParam, 0);
        int max = params.count(unit.maxParam, Integer.MAX_VALUE);
        if (min > max) {
            throw params.error(unit.minParam, "'" + unit.minParam + "' (" + min + ") is greater than '"
                    + unit.maxParam + "' (" + max + ")");
        }
        return new CountCheck(unit, min, max);
    }

    @Override
    public CheckOutcome evaluate(CheckContext context) {
        int count = unit.counter.applyAsInt(context.text());
        boolean inRange = count >= min && count <= max;
        ObjectNode data = Json.object().put(unit.dataKey, count).put(unit.minParam, min);
        if (max != Integer.MAX_VALUE) {
            data.put(unit.maxParam, max);
        }
        String range = max == Integer.MAX_VALUE ? "at least " + min : min + "-" + max;
        data.put("explanation", "The text has " + count + " " + unit.noun + ", which is "
                + (inRange ? "within" : "outside") + " the allowed range of " + range + ".");
        return CheckOutcome.of(inRange, data);
    }

    static int countWords(String text) {
        int words = 0;
        for (String token : WHITESPACE.split(text.strip())) {
            if (LETTER_OR_DIGIT.matcher(token).find()) {
                words++;
            }
        }
        return words;
    }

    static int countSentences(String text) {
        int sentences = 0;
        int from = 0;
        Matcher end = SENTENCE_END.matcher(text);
        while (end.find()) {
            if (LETTER_OR_DIGIT.matcher(text).region(from, end.start()).find()) {
                sentences++;
            }
            from = end.end();
        }
        if (LETTER_OR_DIGIT.matcher(text).region(from, text.length()).find()) {
            sentences++;
        }
        return sentences;
    }
}
