package dev.switchboard.app.common;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How numbers, money, durations and times read in the UI: one place, so every view agrees. */
public final class Formats {
    public static final String NONE = "—";
    private static final DateTimeFormatter TODAY = DateTimeFormatter.ofPattern("HH:mm:ss.SSS");
    private static final DateTimeFormatter OTHER_DAY = DateTimeFormatter.ofPattern("MMM d HH:mm:ss", Locale.ROOT);

    private Formats() {
    }

    /** Small amounts keep two significant digits (LLM calls often cost fractions of a cent). */
    public static String usd(BigDecimal cost) {
        if (cost == null) {
            return NONE;
        }
        if (cost.signum() == 0) {
            return "$0";
        }
        BigDecimal abs = cost.abs();
        BigDecimal shown;
        if (abs.compareTo(new BigDecimal("0.01")) < 0) {
            shown = cost.round(new MathContext(2, RoundingMode.HALF_UP));
        } else if (abs.compareTo(BigDecimal.ONE) < 0) {
            shown = cost.setScale(4, RoundingMode.HALF_UP);
        } else {
            shown = cost.setScale(2, RoundingMode.HALF_UP);
        }
        return "$" + shown.stripTrailingZeros().toPlainString();
    }

    public static String millis(Long ms) {
        if (ms == null) {
            return NONE;
        }
        if (ms < 1000) {
            return ms + " ms";
        }
        return String.format(Locale.ROOT, "%.2f s", ms / 1000.0);
    }

    public static String count(Number n) {
        return n == null ? NONE : NumberFormat.getIntegerInstance(Locale.US).format(n);
    }

    public static String percent(double ratio) {
        return String.format(Locale.ROOT, "%.1f%%", ratio * 100);
    }

    /** Time of day for today's traces, with the date for older ones, in the user's zone. */
    public static String time(Instant instant, ZoneId zone) {
        if (instant == null) {
            return NONE;
        }
        ZonedDateTime local = instant.atZone(zone);
        return local.toLocalDate().equals(LocalDate.now(zone)) ? TODAY.format(local) : OTHER_DAY.format(local);
    }
}
