package dev.switchboard.app.shell;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;

/** The shell's own state: which page is showing. Connection state lives in the connection feature. */
public final class ShellViewModel {
    private final ObjectProperty<Page> page = new SimpleObjectProperty<>(Page.TRACES);

    public ObjectProperty<Page> page() {
        return page;
    }

    public void show(Page target) {
        page.set(target);
    }
}
