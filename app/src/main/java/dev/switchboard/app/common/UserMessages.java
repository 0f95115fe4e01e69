package dev.switchboard.app.common;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.sql.SQLException;

/** Turns any failure into one sentence a user can act on: never a stack trace. */
public final class UserMessages {
    private UserMessages() {
    }

    public static String of(Throwable error) {
        Throwable e = error;
        while ((e instanceof UncheckedIOException || e instanceof java.util.concurrent.CompletionException
                || e instanceof java.util.concurrent.ExecutionException) && e.getCause() != null) {
            e = e.getCause();
        }
        return switch (e) {
            case UnknownHostException u -> "Unknown host " + u.getMessage();
            case ConnectException c -> "Cannot connect: " + nonBlank(c.getMessage(), "connection refused");
            case SocketTimeoutException t -> "The gateway did not answer in time";
            case SQLException s -> "Database error: " + firstLine(s.getMessage());
            case IOException io -> "Network error: " + nonBlank(io.getMessage(), io.getClass().getSimpleName());
            default -> nonBlank(firstLine(e.getMessage()), "Unexpected error (" + e.getClass().getSimpleName() + ")");
        };
    }

    private static String firstLine(String text) {
        if (text == null) {
            return null;
        }
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline);
    }

    private static String nonBlank(String text, String fallback) {
        return text == null || text.isBlank() ? fallback : text;
    }
}
