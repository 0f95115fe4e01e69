package dev.switchboard.app.common;

import javafx.scene.control.Control;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;

/**
 * Scroll panes whose content changes many times a second. JavaFX's scroll pane keeps its viewport as a cached
 * image, so scrolling only moves pixels; but every change inside redraws the whole viewport into that image before
 * it reaches the screen. For streaming text that is all cost: in the software pipeline, six answer columns spent
 * most of the renderer's time redrawing unchanged text. Without the cache only the changed area is drawn.
 */
public final class LiveViewports {
    private static final String VIEWPORT = "viewport";

    private LiveViewports() {
    }

    public static void uncache(ScrollPane pane) {
        whenSkinned(pane, () -> pane.getChildrenUnmodifiable().stream()
                .filter(child -> child.getStyleClass().contains(VIEWPORT))
                .forEach(viewport -> viewport.setCache(false)));
    }

    /** The text area's own scroll pane, made with its skin. */
    public static void uncache(TextArea area) {
        whenSkinned(area, () -> area.getChildrenUnmodifiable().stream()
                .filter(ScrollPane.class::isInstance)
                .forEach(child -> uncache((ScrollPane) child)));
    }

    private static void whenSkinned(Control control, Runnable action) {
        if (control.getSkin() != null) {
            action.run();
            return;
        }
        control.skinProperty().addListener((obs, old, skin) -> {
            if (skin != null) {
                action.run();
            }
        });
    }
}
