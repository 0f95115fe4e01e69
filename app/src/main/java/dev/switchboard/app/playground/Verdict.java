package dev.switchboard.app.playground;

/** The outcome of one assertion on one cell, with a reason a user can read (what was expected, what came). */
public record Verdict(String assertion, boolean passed, String detail) {
}
