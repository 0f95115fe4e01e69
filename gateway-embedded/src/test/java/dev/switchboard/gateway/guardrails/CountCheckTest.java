package dev.switchboard.gateway.guardrails;

import static dev.switchboard.gateway.guardrails.GuardrailFixtures.PARAMS_PATH;
import static dev.switchboard.gateway.guardrails.GuardrailFixtures.checkError;
import static dev.switchboard.gateway.guardrails.GuardrailFixtures.onInput;
import static dev.switchboard.gateway.guardrails.GuardrailFixtures.onOutput;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.gateway.GatewayException;
import org.junit.jupiter.api.Test;

class CountCheckTest {

    @Test
    void wordCountPassesInsideTheRangeAndFailsOutside() {
        String params = """
                {"minWords": 2, "maxWords": 4}""";

        assertThat(onInput("default.wordCount", params, "three little words").verdict()).isTrue();
        assertThat(onInput("default.wordCount", params, "one").verdict()).isFalse();
        CheckResult tooLong = onInput("default.wordCount", params, "this has far too many words");
        assertThat(tooLong.verdict()).isFalse();
        assertThat(tooLong.data().path("wordCount").asInt()).isEqualTo(6);
    }

    @Test
    void punctuationAloneIsNotAWord() {
        CheckResult result = onInput("default.wordCount", """
                {"maxWords": 3}""", "Hello !!! — :: world");

        assertThat(result.data().path("wordCount").asInt()).isEqualTo(2);
        assertThat(result.verdict()).isTrue();
    }

    @Test
    void sentenceCountSplitsOnEndPunctuationButNotOnDecimalsOrInnerDots() {
        String atMostTwo = """
                {"maxSentences": 2}""";

        assertThat(onOutput("default.sentenceCount", atMostTwo, "Pi is 3.14 roughly. It never ends!").verdict())
                .isTrue();
        CheckResult three = onOutput("default.sentenceCount", atMostTwo, "One. Two? Three");
        assertThat(three.verdict()).isFalse();
        assertThat(three.data().path("sentenceCount").asInt()).isEqualTo(3);
    }

    @Test
    void sentenceCountMinimumFailsShortAnswers() {
        assertThat(onOutput("default.sentenceCount", """
                {"minSentences": 2}""", "Yes.").verdict()).isFalse();
    }

    @Test
    void characterCountCountsCodePointsSoAnEmojiIsOneCharacter() {
        CheckResult result = onInput("default.characterCount", """
                {"maxCharacters": 3}""", "ok👍");

        assertThat(result.data().path("characterCount").asInt()).isEqualTo(3);
        assertThat(result.verdict()).isTrue();
        assertThat(onInput("default.characterCount", """
                {"maxCharacters": 3}""", "okay").verdict()).isFalse();
    }

    @Test
    void notInvertsTheRange() {
        assertThat(onInput("default.wordCount", """
                {"minWords": 1, "maxWords": 3, "not": true}""", "short").verdict()).isFalse();
    }

    @Test
    void boundsMustBeWholeNonNegativeNumbersInOrder() {
        GatewayException fractional = checkError("default.wordCount", """
                {"maxWords": 2.5}""");
        assertThat(fractional.param()).isEqualTo(PARAMS_PATH + ".maxWords");
        assertThat(fractional.getMessage()).contains("whole number");

        assertThat(checkError("default.sentenceCount", """
                {"minSentences": "2"}""").param()).isEqualTo(PARAMS_PATH + ".minSentences");

        GatewayException inverted = checkError("default.characterCount", """
                {"minCharacters": 10, "maxCharacters": 5}""");
        assertThat(inverted.param()).isEqualTo(PARAMS_PATH + ".minCharacters");
        assertThat(inverted.getMessage()).contains("greater than 'maxCharacters'");
    }

    @Test
    void aMisspelledBoundIsRejectedRatherThanIgnored() {
        GatewayException error = checkError("default.wordCount", """
                {"maxWord": 5}""");

        assertThat(error.param()).isEqualTo(PARAMS_PATH + ".maxWord");
        assertThat(error.getMessage()).contains("accepted: minWords, maxWords, not");
    }
}
