package dev.switchboard.app.playground;

import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** One field of the variables form: a {@code {{name}}} the source uses and the value typed for it. */
public final class VariableField {
    private final String name;
    private final StringProperty value = new SimpleStringProperty("");

    VariableField(String name, String value) {
        this.name = name;
        this.value.set(value);
    }

    public String name() {
        return name;
    }

    public StringProperty value() {
        return value;
    }
}
