package dev.switchboard.app.shell;

import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.feather.Feather;

/** The pages of the left navigation, in order. */
public enum Page {
    TRACES("Traces", Feather.ACTIVITY),
    USAGE("Usage", Feather.BAR_CHART_2),
    PROMPTS("Prompts", Feather.FILE_TEXT),
    PLAYGROUND("Playground", Feather.PLAY_CIRCLE),
    ROUTING("Routing & keys", Feather.KEY),
    SETTINGS("Settings", Feather.SETTINGS);

    private final String title;
    private final Ikon icon;

    Page(String title, Ikon icon) {
        this.title = title;
        this.icon = icon;
    }

    public String title() {
        return title;
    }

    public Ikon icon() {
        return icon;
    }

    /** The navigation button's id, e.g. {@code navTraces}; from the name, as titles may hold spaces. */
    public String navId() {
        return "nav" + name().charAt(0) + name().substring(1).toLowerCase(java.util.Locale.ROOT);
    }
}
