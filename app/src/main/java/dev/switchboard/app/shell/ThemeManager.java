package dev.switchboard.app.shell;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import dev.switchboard.app.settings.ThemeChoice;
import javafx.application.Application;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;

/** Applies the AtlantaFX Primer theme (light or dark) as the user-agent stylesheet; FX thread only. */
public final class ThemeManager {
    private final boolean osPrefersDark;
    private final SimpleBooleanProperty dark = new SimpleBooleanProperty();

    /** @param osPrefersDark what {@link OsTheme} found at start */
    public ThemeManager(boolean osPrefersDark) {
        this.osPrefersDark = osPrefersDark;
    }

    public void apply(ThemeChoice choice) {
        boolean useDark = switch (choice == null ? ThemeChoice.SYSTEM : choice) {
            case DARK -> true;
            case LIGHT -> false;
            case SYSTEM -> osPrefersDark;
        };
        Application.setUserAgentStylesheet(useDark ? new PrimerDark().getUserAgentStylesheet()
                : new PrimerLight().getUserAgentStylesheet());
        dark.set(useDark);
    }

    /** True while the dark theme is on; charts and code areas pick colours from it. */
    public ReadOnlyBooleanProperty dark() {
        return dark;
    }
}
