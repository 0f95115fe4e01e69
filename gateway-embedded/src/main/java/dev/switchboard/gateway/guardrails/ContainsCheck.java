package dev.switchboard.gateway.guardrails;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;

/**
 * {@code default.contains}: passes when the text contains {@code any}, {@code all} or {@code none} of {@code words}
 * (plain substrings, case-sensitive like Portkey unless {@code ignoreCase: true}). Reads the whole conversation, so a
 * block-list word cannot slip through in an earlier message or the system prompt.
 */
record ContainsCheck(List<String> words, MatchOperator operator, boolean ignoreCase) implements Check {

    static ContainsCheck parse(Params params) {
        return new ContainsCheck(params.strings("words"),
                params.operator("operator", MatchOperator.ANY, EnumSet.allOf(MatchOperator.class)),
                params.bool("ignoreCase", false));
    }

    @Override
    public TextScope scope() {
        return TextScope.CONVERSATION;
    }

    @Override
    public CheckOutcome evaluate(CheckContext context) {
        String text = ignoreCase ? context.text().toLowerCase(Locale.ROOT) : context.text();
        return Presence.of(words, word -> text.contains(ignoreCase ? word.toLowerCase(Locale.ROOT) : word))
                .judge(operator, "foundWords", "missingWords", "words");
    }
}
