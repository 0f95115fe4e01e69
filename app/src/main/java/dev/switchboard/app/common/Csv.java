package dev.switchboard.app.common;

import java.util.List;
import java.util.stream.Collectors;

/** RFC 4180 CSV text: quotes every field that needs it, CRLF line ends, so spreadsheets open it unchanged. */
public final class Csv {
    private Csv() {
    }

    public static String of(List<String> header, List<List<String>> rows) {
        StringBuilder out = new StringBuilder();
        line(out, header);
        rows.forEach(row -> line(out, row));
        return out.toString();
    }

    private static void line(StringBuilder out, List<String> fields) {
        out.append(fields.stream().map(Csv::field).collect(Collectors.joining(","))).append("\r\n");
    }

    static String field(String value) {
        if (value == null) {
            return "";
        }
        // A leading = + - @ makes spreadsheets run the cell as a formula; a quote prefix keeps it text.
        String safe = !value.isEmpty() && "=+-@".indexOf(value.charAt(0)) >= 0 && !isNumber(value) ? "'" + value : value;
        if (safe.contains(",") || safe.contains("\"") || safe.contains("\n") || safe.contains("\r")) {
            return "\"" + safe.replace("\"", "\"\"") + "\"";
        }
        return safe;
    }

    private static boolean isNumber(String value) {
        try {
            Double.parseDouble(value);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
