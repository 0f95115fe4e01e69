package dev.switchboard.prompts.render;

import dev.switchboard.prompts.PromptException;
import dev.switchboard.prompts.model.Names;
import dev.switchboard.prompts.model.VersionRef;

/** The target of a partial tag, {@code {{> name@label}}} or {@code {{> name@3}}}. */
record PartialRef(String name, VersionRef ref) {

    /** Splits at the last '@' (prompt names cannot contain one); INVALID if either side is missing or wrong. */
    static PartialRef parse(String tag) {
        int at = tag.lastIndexOf('@');
        if (at <= 0 || at == tag.length() - 1) {
            throw PromptException.invalid("Partial '" + tag + "' must name a prompt and a label or version, e.g."
                    + " {{> snippets/tone@production}} or {{> snippets/tone@3}}");
        }
        return new PartialRef(Names.requirePromptName(tag.substring(0, at)), VersionRef.parse(tag.substring(at + 1)));
    }

    @Override
    public String toString() {
        return name + "@" + ref;
    }
}
