package dev.switchboard.app.common;

import javafx.scene.Node;
import javafx.scene.control.Tab;

/** Tabs whose content is in the scene only while they are selected. */
public final class Tabs {
    private Tabs() {
    }

    /**
     * A tab pane keeps every tab's content in the scene, hidden, where it is styled with the first window and laid
     * out again whenever its data changes. This tab holds its content only while it is selected; the content keeps
     * its state in between.
     */
    public static Tab whileSelected(String title, Node content) {
        Tab tab = new Tab(title);
        tab.selectedProperty().subscribe(selected -> tab.setContent(selected ? content : null));
        return tab;
    }
}
