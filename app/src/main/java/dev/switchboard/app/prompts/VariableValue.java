package dev.switchboard.app.prompts;

import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** A variable the template uses and the value the user typed to try the prompt with (kept while editing). */
public final class VariableValue {
    private final String name;
    private final StringProperty value = new SimpleStringProperty("");

    public VariableValue(String name) {
        this.name = name;
    }

    public String name() {
        return name;
    }

    public StringProperty value() {
        return value;
    }
}
