package dev.switchboard.gateway.guardrails;

import static dev.switchboard.gateway.guardrails.GuardrailFixtures.PARAMS_PATH;
import static dev.switchboard.gateway.guardrails.GuardrailFixtures.checkError;
import static dev.switchboard.gateway.guardrails.GuardrailFixtures.onInput;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.gateway.GatewayException;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** What {@code default.pii} finds and how it redacts; engine-level redaction of bodies is in {@link RedactionTest}. */
class PiiCheckTest {
    private static final PiiCheck ALL = new PiiCheck(EnumSet.allOf(PiiCategory.class), true);

    @ParameterizedTest(name = "{0} in \"{1}\"")
    @CsvSource(delimiter = '|', textBlock = """
            EMAIL       | write to ada.lovelace+ai@example.co.uk today  | write to [REDACTED_EMAIL] today
            PHONE       | call +44 20 7946 0958 now                     | call [REDACTED_PHONE] now
            PHONE       | call +1 (415) 555-2671.                       | call [REDACTED_PHONE].
            PHONE       | call +14155552671                             | call [REDACTED_PHONE]
            CREDIT_CARD | card 4111 1111 1111 1111 exp 12/29            | card [REDACTED_CREDIT_CARD] exp 12/29
            CREDIT_CARD | amex 378282246310005                          | amex [REDACTED_CREDIT_CARD]
            CREDIT_CARD | mc 5555-5555-5555-4444                        | mc [REDACTED_CREDIT_CARD]
            IBAN        | IBAN DE89 3704 0044 0532 0130 00 please       | IBAN [REDACTED_IBAN] please
            IBAN        | pay GB82WEST12345698765432                    | pay [REDACTED_IBAN]
            IBAN        | to BE68 5390 0754 7034 BIC GKCCBEBB           | to [REDACTED_IBAN] BIC GKCCBEBB
            IP          | from 192.168.1.20:443                         | from [REDACTED_IP]:443
            IP          | host 2001:db8::8a2e:370:7334 is up            | host [REDACTED_IP] is up
            IP          | mapped ::ffff:192.0.2.1 ok                    | mapped [REDACTED_IP] ok
            US_SSN      | ssn 123-45-6789                               | ssn [REDACTED_US_SSN]
            UK_NINO     | NI AB 12 34 56 C and AB123456C                | NI [REDACTED_UK_NINO] and [REDACTED_UK_NINO]
            """)
    void findsAndRedactsEachCategory(PiiCategory category, String text, String redacted) {
        assertThat(ALL.find(text)).extracting(PiiCheck.Finding::category).containsOnly(category);
        assertThat(ALL.redact(text)).isEqualTo(redacted);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "card 4111 1111 1111 1112",              // Luhn check fails
            "order 1234567812345670 shipped",        // Luhn-valid, but no card network starts with 1
            "IBAN DE89 3704 0044 0532 0130 01",      // mod-97 check fails
            "call 020 7946 0958",                    // national format: could be any number
            "ticket +12 closed",                     // too short for a phone number
            "address 999.1.2.3 and 1.2.3",           // not an IPv4 address
            "meet at 12:30:45, MAC 00:1A:2B:3C:4D:5E", // times and MACs are not IPv6
            "use std::vector here",
            "ssn 000-12-3456 and 666-12-3456",       // never issued
            "NI QQ 12 34 56 C",                      // prefix never allocated
            "Order #A-99812, qty 12345678, id 550e8400-e29b-41d4-a716-446655440000, on 2024-05-01, tel ext. 4521-88"})
    void plainNumbersAndLookalikesAreNotPii(String text) {
        assertThat(ALL.find(text)).isEmpty();
    }

    @Test
    void failsWhenPiiIsFoundAndReportsCountsButNeverTheValues() {
        CheckResult result = onInput("default.pii", "{}",
                "I am ada@example.com, card 4111111111111111, backup ada2@example.com");

        assertThat(result.verdict()).isFalse();
        assertThat(result.data().path("detected").path("email").asInt()).isEqualTo(2);
        assertThat(result.data().path("detected").path("credit_card").asInt()).isEqualTo(1);
        assertThat(result.data().toString()).doesNotContain("ada@example.com").doesNotContain("4111");
    }

    @Test
    void passesWhenThereIsNoPii() {
        assertThat(onInput("default.pii", "{}", "What is the capital of France?").verdict()).isTrue();
    }

    @Test
    void onlyTheChosenCategoriesAreLookedFor() {
        String emailsOnly = """
                {"categories": ["email"]}""";

        assertThat(onInput("default.pii", emailsOnly, "call +44 20 7946 0958").verdict()).isTrue();
        assertThat(onInput("default.pii", emailsOnly, "mail ada@example.com").verdict()).isFalse();
    }

    @Test
    void unknownCategoriesAreRejectedWithTheKnownOnes() {
        GatewayException error = checkError("default.pii", """
                {"categories": ["email", "passport"]}""");

        assertThat(error.param()).isEqualTo(PARAMS_PATH + ".categories");
        assertThat(error.getMessage()).contains("passport").contains("credit_card, iban, ip, us_ssn, uk_nino");
    }

    @Test
    void notIsNotOfferedOnARedactingCheck() {
        assertThat(checkError("default.pii", """
                {"not": true}""").param()).isEqualTo(PARAMS_PATH + ".not");
    }
}
