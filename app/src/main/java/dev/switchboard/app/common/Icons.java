package dev.switchboard.app.common;

import javafx.scene.control.Button;
import javafx.scene.control.Tooltip;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.IkonResolverProvider;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.JavaFXFontLoader;
import org.kordamp.ikonli.javafx.FontIcon;

/** Feather icons sized for toolbars and navigation. */
public final class Icons {
    private Icons() {
    }

    /**
     * Finds the icon pack and loads its font, as the first icon would: that scans the class path and reads a font
     * file, so the app does it on a background thread while the first window is being built. Needs the FX toolkit.
     */
    public static void preload() {
        IkonResolverProvider.getInstance(JavaFXFontLoader.getInstance()).resolve(Feather.SHUFFLE.getDescription());
    }

    public static FontIcon icon(Ikon ikon) {
        return new FontIcon(ikon);
    }

    /** A button with an icon and text, with an id so tests and users' tools can find it. */
    public static Button button(String id, String text, Ikon ikon) {
        Button button = new Button(text, icon(ikon));
        button.setId(id);
        return button;
    }

    /** An icon-only button; the tooltip names what it does. */
    public static Button iconButton(String id, Ikon ikon, String tooltip) {
        Button button = new Button(null, icon(ikon));
        button.setId(id);
        button.setTooltip(new Tooltip(tooltip));
        button.getStyleClass().addAll(atlantafx.base.theme.Styles.BUTTON_ICON, atlantafx.base.theme.Styles.FLAT);
        return button;
    }
}
