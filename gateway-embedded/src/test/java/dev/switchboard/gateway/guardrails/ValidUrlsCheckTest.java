package dev.switchboard.gateway.guardrails;

import static dev.switchboard.gateway.guardrails.GuardrailFixtures.PARAMS_PATH;
import static dev.switchboard.gateway.guardrails.GuardrailFixtures.checkError;
import static dev.switchboard.gateway.guardrails.GuardrailFixtures.onOutput;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ValidUrlsCheckTest {

    @Test
    void passesWhenEveryUrlIsWellFormedIgnoringSentencePunctuation() {
        CheckResult result = onOutput("default.validUrls", "{}",
                "See https://docs.example.com/guide?x=1#top, (or http://127.0.0.1:8080/health). "
                        + "Also https://en.wikipedia.org/wiki/Java_(programming_language) and https://münchen.de.");

        assertThat(result.verdict()).isTrue();
        assertThat(result.data().path("validUrls")).hasSize(4);
        assertThat(result.data().path("validUrls").get(2).asText())
                .isEqualTo("https://en.wikipedia.org/wiki/Java_(programming_language)");
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://example", "https://exa_mple.com", "http://localhost:99999", "https://-bad-.com/x",
            "https://example.c", "https://256.1.1.1.5/", "https://example.com/a|b", "http://[::zz]/"})
    void failsWhenAnyUrlIsMalformed(String url) {
        CheckResult result = onOutput("default.validUrls", "{}", "Fine: https://example.com/ but not " + url);

        assertThat(result.verdict()).as(url).isFalse();
        assertThat(result.data().path("invalidUrls").get(0).asText()).isEqualTo(url);
    }

    @Test
    void textWithoutUrlsPasses() {
        assertThat(onOutput("default.validUrls", "{}", "No links here.").verdict()).isTrue();
    }

    @Test
    void onlyDnsIsAcceptedForCompatibilityButMustBeABoolean() {
        assertThat(onOutput("default.validUrls", """
                {"onlyDNS": true}""", "https://example.com").verdict()).isTrue();
        assertThat(checkError("default.validUrls", """
                {"onlyDNS": "yes"}""").param()).isEqualTo(PARAMS_PATH + ".onlyDNS");
    }
}
