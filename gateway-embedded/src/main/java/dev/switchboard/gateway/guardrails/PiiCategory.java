package dev.switchboard.gateway.guardrails;

import java.math.BigInteger;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * The kinds of personal data {@code default.pii} finds. Each is a pattern plus, where digits alone would be
 * ambiguous, a checksum or structure test, so order numbers, dates and version strings are not reported.
 * No pattern crosses a line break, which lets a finding in joined text be redacted slot by slot.
 */
enum PiiCategory {
    EMAIL("email", "(?<![\\w.%+-])[A-Za-z0-9][A-Za-z0-9._%+-]{0,63}@"
            + "(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\\.)+[A-Za-z]{2,63}(?!\\.?[\\w-])"),
    /** International format only ({@code +} and country code): national formats look like any other number. */
    PHONE("phone", "(?<![\\w+])\\+[1-9]\\d*+(?:[ .-]?+(?:\\(\\d++\\)|\\d++))*+") {
        @Override
        int acceptedLength(String candidate) {
            return longestValidPrefix(candidate, " .-", prefix -> {
                int digits = digits(prefix).length();
                return digits >= 8 && digits <= 15;
            });
        }
    },
    /** 13-19 digits, optionally grouped by spaces or hyphens, with a known card-network prefix and a valid Luhn sum. */
    CREDIT_CARD("credit_card", "(?<![\\d+-])\\d(?:[ -]?\\d){12,18}(?!\\d)") {
        @Override
        int acceptedLength(String candidate) {
            String digits = digits(candidate);
            return knownCardNetwork(digits) && luhn(digits) ? candidate.length() : -1;
        }
    },
    /** Upper-case IBAN, compact or in groups of four, with a valid ISO 7064 mod-97 check. */
    IBAN("iban", "(?<![\\w])[A-Z]{2}\\d{2}(?:(?: [A-Z0-9]{4})+(?: [A-Z0-9]{1,3})?|[A-Z0-9]{11,30})(?!\\w)") {
        @Override
        int acceptedLength(String candidate) {
            return longestValidPrefix(candidate, " ", PiiCategory::validIban);
        }
    },
    /** IPv4 dotted quads and IPv6 (full, compressed, or with an embedded IPv4 tail). */
    IP("ip", "(?<![\\w.])(?:" + Ip.V4 + ")(?!\\.?\\w)"
            + "|(?<![\\w:.])(?:[0-9A-Fa-f]{1,4})?(?::[0-9A-Fa-f]{0,4}){2,7}(?:\\.\\d{1,3}){0,3}(?![\\w:]|\\.\\d)") {
        @Override
        int acceptedLength(String candidate) {
            return candidate.indexOf(':') < 0 || isIpv6(candidate) ? candidate.length() : -1;
        }
    },
    /** Dashed form only, excluding numbers the SSA never issues (area 000, 666, 9xx; group 00; serial 0000). */
    US_SSN("us_ssn", "(?<![\\w-])(?!000|666|9\\d\\d)\\d{3}-(?!00)\\d{2}-(?!0000)\\d{4}(?![\\w-])"),
    /** UK National Insurance number, with the prefix letters and pairs HMRC never allocates left out. */
    UK_NINO("uk_nino", "(?<!\\w)(?!BG|GB|KN|NK|NT|TN|ZZ)[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z]"
            + " ?\\d{2} ?\\d{2} ?\\d{2} ?[A-D](?!\\w)");

    private final String id;
    private final Pattern pattern;

    PiiCategory(String id, String regex) {
        this.id = id;
        this.pattern = Pattern.compile(regex);
    }

    /** The name used in configs and in {@code hook_results}. */
    String id() {
        return id;
    }

    Pattern pattern() {
        return pattern;
    }

    /** What a finding is replaced with when redacting. */
    String placeholder() {
        return "[REDACTED_" + name() + "]";
    }

    /** How much of a pattern match is really this kind of data: its length, a shorter prefix, or -1 for none. */
    int acceptedLength(String candidate) {
        return candidate.length();
    }

    static PiiCategory fromId(String id) {
        for (PiiCategory category : values()) {
            if (category.id.equals(id.toLowerCase(Locale.ROOT))) {
                return category;
            }
        }
        return null;
    }

    static boolean isIpv4(String text) {
        return Ip.V4_EXACT.matcher(text).matches();
    }

    /** Strict IPv6 text form: at most one "::", 1-4 hex digits per group, 8 groups (6 before an IPv4 tail). */
    static boolean isIpv6(String text) {
        String head = text;
        int groups = 8;
        if (text.indexOf('.') >= 0) {
            int lastColon = text.lastIndexOf(':');
            if (lastColon < 0 || !isIpv4(text.substring(lastColon + 1))) {
                return false;
            }
            head = text.substring(0, lastColon + 1);
            head = head.endsWith("::") ? head : head.substring(0, head.length() - 1);
            groups = 6;
        } else if (!text.matches(".*[0-9A-Fa-f].*")) {
            return false;
        }
        int gap = head.indexOf("::");
        if (gap < 0) {
            return countGroups(head) == groups;
        }
        if (head.indexOf("::", gap + 1) >= 0) {
            return false;
        }
        int left = head.substring(0, gap).isEmpty() ? 0 : countGroups(head.substring(0, gap));
        int right = head.substring(gap + 2).isEmpty() ? 0 : countGroups(head.substring(gap + 2));
        return left >= 0 && right >= 0 && left + right < groups;
    }

    /** Number of colon-separated 1-4 digit hex groups, or -1 if any group is malformed. */
    private static int countGroups(String text) {
        String[] parts = text.split(":", -1);
        for (String part : parts) {
            if (!Ip.HEX_GROUP.matcher(part).matches()) {
                return -1;
            }
        }
        return parts.length;
    }

    static boolean luhn(String digits) {
        int sum = 0;
        boolean doubled = false;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int digit = digits.charAt(i) - '0';
            if (doubled) {
                digit *= 2;
                if (digit > 9) {
                    digit -= 9;
                }
            }
            sum += digit;
            doubled = !doubled;
        }
        return sum % 10 == 0;
    }

    /** Issuer prefixes and lengths of the major networks; a Luhn-valid number outside them is more likely an id. */
    static boolean knownCardNetwork(String digits) {
        int length = digits.length();
        int two = Integer.parseInt(digits.substring(0, 2));
        int three = Integer.parseInt(digits.substring(0, 3));
        int four = Integer.parseInt(digits.substring(0, 4));
        boolean longCard = length >= 16 && length <= 19;
        return (digits.charAt(0) == '4' && (length == 13 || length == 16 || length == 19))      // Visa
                || ((two >= 51 && two <= 55 || four >= 2221 && four <= 2720) && length == 16)   // Mastercard
                || ((two == 34 || two == 37) && length == 15)                                    // American Express
                || ((four == 6011 || three >= 644 && three <= 649 || two == 65) && longCard)     // Discover
                || (four >= 3528 && four <= 3589 && longCard)                                    // JCB
                || ((three >= 300 && three <= 305 || two == 36 || two == 38 || two == 39)
                        && length >= 14 && length <= 19)                                         // Diners Club
                || (two == 62 && longCard)                                                       // UnionPay
                || ((two == 50 || two >= 56 && two <= 58 || two == 67) && length >= 13);         // Maestro
    }

    static boolean validIban(String candidate) {
        String iban = candidate.replace(" ", "");
        if (iban.length() < 15 || iban.length() > 34) {
            return false;
        }
        String rearranged = iban.substring(4) + iban.substring(0, 4);
        StringBuilder numeric = new StringBuilder();
        for (int i = 0; i < rearranged.length(); i++) {
            numeric.append(Character.digit(rearranged.charAt(i), 36));
        }
        return new BigInteger(numeric.toString()).mod(BigInteger.valueOf(97)).intValue() == 1;
    }

    private static String digits(String text) {
        return text.replaceAll("\\D", "");
    }

    /** The longest prefix that passes {@code valid}, cutting only at separators, so trailing words don't spoil a match. */
    private static int longestValidPrefix(String candidate, String separators, Predicate<String> valid) {
        for (int end = candidate.length(); end > 0; end--) {
            boolean boundary = end == candidate.length() || separators.indexOf(candidate.charAt(end)) >= 0;
            if (boundary && valid.test(candidate.substring(0, end))) {
                return end;
            }
        }
        return -1;
    }

    /** IP pieces shared by the pattern and the validators (an enum may not read its own statics in constructors). */
    private static final class Ip {
        static final String OCTET = "25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d";
        static final String V4 = "(?:(?:" + OCTET + ")\\.){3}(?:" + OCTET + ")";
        static final Pattern V4_EXACT = Pattern.compile(V4);
        static final Pattern HEX_GROUP = Pattern.compile("[0-9A-Fa-f]{1,4}");
    }
}
