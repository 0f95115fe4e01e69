package dev.switchboard.gateway.guardrails;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.gateway.Json;
import java.net.IDN;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code default.validUrls}: passes when every http(s) URL in the text is well-formed with a plausible host (a
 * domain with an alphabetic top-level label, {@code localhost}, or an IP literal). Purely syntactic: unlike
 * Portkey it never fetches or resolves anything, so {@code onlyDNS} is accepted for compatibility and changes nothing.
 * Text without URLs passes.
 */
record ValidUrlsCheck() implements Check {
    private static final Pattern URL = Pattern.compile("(?i)\\bhttps?://\\S+");
    private static final Pattern LABEL = Pattern.compile("[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?");
    private static final Pattern TOP_LABEL = Pattern.compile("[a-z]{2,63}|xn--[a-z0-9-]{1,59}");
    private static final Pattern PORT = Pattern.compile("\\d{1,5}");
    /** RFC 3986 unreserved, sub-delims, ':', '@', '/', '?', '#' and '%'; anything else (spaces, quotes, braces) is invalid. */
    private static final Pattern REST = Pattern.compile("(?:[A-Za-z0-9\\-._~!$&'()*+,;=:@/?#]|%[0-9A-Fa-f]{2}|[\\p{L}\\p{N}&&[^\\x00-\\x7F]])*");
    private static final String TRAILING_PUNCTUATION = ".,;:!?'\"";

    static ValidUrlsCheck parse(Params params) {
        params.bool("onlyDNS", false);
        return new ValidUrlsCheck();
    }

    @Override
    public CheckOutcome evaluate(CheckContext context) {
        List<String> valid = new ArrayList<>();
        List<String> invalid = new ArrayList<>();
        Matcher matcher = URL.matcher(context.text());
        while (matcher.find()) {
            String url = trimTrailing(matcher.group());
            (isValid(url) ? valid : invalid).add(url);
        }
        ObjectNode data = Json.object();
        valid.forEach(data.putArray("validUrls")::add);
        invalid.forEach(data.putArray("invalidUrls")::add);
        data.put("explanation", invalid.isEmpty()
                ? (valid.isEmpty() ? "The text contains no URLs." : "All URLs are well-formed.")
                : invalid.size() + " URL(s) are malformed.");
        return CheckOutcome.of(invalid.isEmpty(), data);
    }

    /** Drops sentence punctuation after a URL, and closing brackets that have no opening partner inside it. */
    static String trimTrailing(String url) {
        String trimmed = url;
        while (!trimmed.isEmpty()) {
            char last = trimmed.charAt(trimmed.length() - 1);
            boolean unbalanced = switch (last) {
                case ')' -> count(trimmed, '(') < count(trimmed, ')');
                case ']' -> count(trimmed, '[') < count(trimmed, ']');
                case '}', '>' -> true;
                default -> TRAILING_PUNCTUATION.indexOf(last) >= 0;
            };
            if (!unbalanced) {
                break;
            }
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        return trimmed;
    }

    static boolean isValid(String url) {
        int schemeEnd = url.indexOf("://") + 3;
        int authorityEnd = schemeEnd;
        while (authorityEnd < url.length() && "/?#".indexOf(url.charAt(authorityEnd)) < 0) {
            authorityEnd++;
        }
        String authority = url.substring(schemeEnd, authorityEnd);
        String rest = url.substring(authorityEnd);
        int at = authority.lastIndexOf('@');
        String hostPort = authority.substring(at + 1);
        if (at >= 0 && !REST.matcher(authority.substring(0, at)).matches()) {
            return false;
        }
        return validHostPort(hostPort) && REST.matcher(rest).matches() && rest.indexOf('#') == rest.lastIndexOf('#');
    }

    private static boolean validHostPort(String hostPort) {
        String host = hostPort;
        String port = null;
        if (hostPort.startsWith("[")) {
            int close = hostPort.indexOf(']');
            if (close < 0 || !PiiCategory.isIpv6(hostPort.substring(1, close))) {
                return false;
            }
            String afterHost = hostPort.substring(close + 1);
            if (afterHost.isEmpty()) {
                return true;
            }
            return afterHost.startsWith(":") && validPort(afterHost.substring(1));
        }
        int colon = hostPort.lastIndexOf(':');
        if (colon >= 0) {
            host = hostPort.substring(0, colon);
            port = hostPort.substring(colon + 1);
        }
        return (port == null || validPort(port)) && validHost(host);
    }

    private static boolean validPort(String port) {
        return PORT.matcher(port).matches() && Integer.parseInt(port) <= 65_535;
    }

    private static boolean validHost(String host) {
        if (host.isEmpty()) {
            return false;
        }
        if (PiiCategory.isIpv4(host) || host.equalsIgnoreCase("localhost")) {
            return true;
        }
        String ascii;
        try {
            ascii = IDN.toASCII(host, IDN.USE_STD3_ASCII_RULES).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return false;
        }
        if (ascii.endsWith(".")) {
            ascii = ascii.substring(0, ascii.length() - 1);
        }
        String[] labels = ascii.split("\\.", -1);
        if (labels.length < 2 || ascii.length() > 253) {
            return false;
        }
        for (String label : labels) {
            if (!LABEL.matcher(label).matches()) {
                return false;
            }
        }
        return TOP_LABEL.matcher(labels[labels.length - 1]).matches();
    }

    private static int count(String text, char c) {
        int n = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == c) {
                n++;
            }
        }
        return n;
    }
}
