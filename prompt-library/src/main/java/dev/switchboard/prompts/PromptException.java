package dev.switchboard.prompts;

import java.util.List;
import java.util.OptionalInt;

/**
 * The one error the prompt library throws: a {@link Kind} the gateway maps to a status once, and a message fit to
 * show the user as it is.
 */
public final class PromptException extends RuntimeException {

    /** What went wrong, in terms a caller can act on. */
    public enum Kind {
        /** No such prompt, version or label (HTTP 404). */
        NOT_FOUND,
        /** The input or a template is wrong and the message says what to fix (HTTP 400). */
        INVALID,
        /** The change clashes with what is stored, e.g. a taken name or a diverging history on import (HTTP 409). */
        CONFLICT,
        /** The database failed; nothing the caller did wrong (HTTP 500). */
        STORAGE
    }

    private final Kind kind;
    private final List<String> missingVariables;
    private final Integer templateLine;

    private PromptException(Kind kind, String message, List<String> missingVariables, Integer templateLine,
                            Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.missingVariables = List.copyOf(missingVariables);
        this.templateLine = templateLine;
    }

    public static PromptException notFound(String message) {
        return new PromptException(Kind.NOT_FOUND, message, List.of(), null, null);
    }

    public static PromptException invalid(String message) {
        return new PromptException(Kind.INVALID, message, List.of(), null, null);
    }

    public static PromptException invalid(String message, Throwable cause) {
        return new PromptException(Kind.INVALID, message, List.of(), null, cause);
    }

    public static PromptException conflict(String message) {
        return new PromptException(Kind.CONFLICT, message, List.of(), null, null);
    }

    public static PromptException conflict(String message, Throwable cause) {
        return new PromptException(Kind.CONFLICT, message, List.of(), null, cause);
    }

    public static PromptException storage(String message, Throwable cause) {
        return new PromptException(Kind.STORAGE, message, List.of(), null, cause);
    }

    /** Strict rendering found variables the caller did not supply; all of them are named, not just the first. */
    public static PromptException missingVariables(List<String> names) {
        return new PromptException(Kind.INVALID, "Missing variables: " + String.join(", ", names), names, null,
                null);
    }

    /** A template does not parse; {@code where} names the message or partial so the user can find it. */
    public static PromptException invalidTemplate(String where, int line, String problem, Throwable cause) {
        return new PromptException(Kind.INVALID, "Invalid template in " + where + ", line " + line + ": " + problem,
                List.of(), line, cause);
    }

    public Kind kind() {
        return kind;
    }

    /** The variables strict rendering could not find, in template order; empty for every other error. */
    public List<String> missingVariables() {
        return missingVariables;
    }

    /** The 1-based line of a template error, when this error is one. */
    public OptionalInt templateLine() {
        return templateLine == null ? OptionalInt.empty() : OptionalInt.of(templateLine);
    }
}
