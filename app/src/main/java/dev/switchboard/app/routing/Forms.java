package dev.switchboard.app.routing;

import java.math.BigDecimal;
import java.util.regex.Pattern;
import javafx.beans.property.StringProperty;

/** Reading what users typed into the page's forms, with messages that say what to type instead. */
final class Forms {
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");

    private Forms() {
    }

    /** Thrown with a sentence for the form's error line. */
    static final class Invalid extends RuntimeException {
        Invalid(String message) {
            super(message);
        }
    }

    /** The trimmed text, or null when blank. */
    static String text(StringProperty field) {
        String value = field.get();
        return value == null || value.isBlank() ? null : value.trim();
    }

    static String required(StringProperty field, String whenMissing) {
        String value = text(field);
        if (value == null) {
            throw new Invalid(whenMissing);
        }
        return value;
    }

    /** Ids the gateway accepts for keys and configs; null when blank (the gateway then makes one). */
    static String id(StringProperty field, String what) {
        String value = text(field);
        if (value != null && !ID.matcher(value).matches()) {
            throw new Invalid(what + " may use letters, digits, '.', '_' and '-' (up to 128), e.g. openai-prod");
        }
        return value;
    }

    static String url(StringProperty field) {
        String value = text(field);
        if (value != null && !(value.startsWith("http://") || value.startsWith("https://"))) {
            throw new Invalid("The custom host must be an http(s) URL, e.g. https://my-resource.openai.azure.com/v1");
        }
        return value;
    }

    /** A whole number above 0, or null when blank (no limit). */
    static Integer positiveInt(StringProperty field, String what) {
        String value = text(field);
        if (value == null) {
            return null;
        }
        try {
            int number = Integer.parseInt(value.replace(",", "").replace("_", ""));
            if (number > 0) {
                return number;
            }
        } catch (NumberFormatException e) {
            // falls through to the message
        }
        throw new Invalid(what + " must be a whole number above 0, or empty for no limit");
    }

    /** An amount of USD above 0 (a leading '$' is fine), or null when blank (no budget). */
    static BigDecimal money(StringProperty field, String what) {
        String value = text(field);
        if (value == null) {
            return null;
        }
        try {
            BigDecimal amount = new BigDecimal(value.replace("$", "").replace(",", "").trim());
            if (amount.signum() > 0) {
                return amount;
            }
        } catch (NumberFormatException e) {
            // falls through to the message
        }
        throw new Invalid(what + " must be an amount in USD above 0, e.g. 5 or 0.50, or empty for no budget");
    }
}
