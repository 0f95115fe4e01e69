package dev.switchboard.app.traces;

import dev.switchboard.app.common.JsonArea;
import javafx.beans.value.ObservableStringValue;
import javafx.scene.control.Tab;

/**
 * A tab showing highlighted JSON, whose code area is made the first time the tab is opened (the rich-text control
 * is the heaviest one in the app, and most users open these tabs only now and then) and is in the scene only while
 * the tab is open, as {@link dev.switchboard.app.common.Tabs#whileSelected} does for plain tabs.
 */
final class JsonTab extends Tab {
    private JsonArea area;

    JsonTab(String title, String areaId, ObservableStringValue text) {
        super(title);
        selectedProperty().addListener((obs, was, selected) -> {
            if (selected && area == null) {
                area = new JsonArea(areaId);
                area.setText(text.get());
                text.addListener((o, old, now) -> area.setText(now));
            }
            setContent(selected ? area : null);
        });
    }
}
