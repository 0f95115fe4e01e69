package dev.switchboard.prompts.render;

/** What rendering does with variables the caller did not supply. */
public enum RenderMode {
    /** Fail with one error naming every missing variable; what applications calling a prompt want. */
    STRICT,
    /** Render missing variables as nothing and false sections as skipped, as plain Mustache does. */
    LENIENT
}
