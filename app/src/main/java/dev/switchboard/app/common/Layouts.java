package dev.switchboard.app.common;

import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/** Small layout helpers. */
public final class Layouts {
    private Layouts() {
    }

    /** Takes the free width in an HBox, pushing what follows to the right. */
    public static Region hspacer() {
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        return spacer;
    }
}
