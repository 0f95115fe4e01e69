package dev.switchboard.prompts.model;

import dev.switchboard.prompts.PromptException;

/** Which version of a prompt to use: an exact number or a label; written {@code 3} or {@code production}. */
public sealed interface VersionRef permits VersionRef.Number, VersionRef.Label {

    /** The newest version, whatever its number. */
    VersionRef LATEST = new Label(Names.LATEST);

    /** An exact version number. */
    record Number(int value) implements VersionRef {
        public Number {
            if (value < 1) {
                throw PromptException.invalid("Version numbers start at 1, got " + value);
            }
        }

        @Override
        public String toString() {
            return Integer.toString(value);
        }
    }

    /** Whatever version a label points at when it is resolved. */
    record Label(String name) implements VersionRef {
        public Label {
            Names.requireLabel(name);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    static VersionRef number(int value) {
        return new Number(value);
    }

    static VersionRef label(String name) {
        return new Label(name);
    }

    /** Reads the written form: digits are a version number, anything else a label (labels start with a letter). */
    static VersionRef parse(String text) {
        if (text != null && !text.isEmpty() && text.chars().allMatch(Character::isDigit)) {
            try {
                return new Number(Integer.parseInt(text));
            } catch (NumberFormatException e) {
                throw PromptException.invalid("Version number '" + text + "' is too large");
            }
        }
        return new Label(text);
    }
}
