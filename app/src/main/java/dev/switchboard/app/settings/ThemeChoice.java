package dev.switchboard.app.settings;

/** The theme the user picked; {@link #SYSTEM} follows the OS where it can be read. */
public enum ThemeChoice {
    SYSTEM("Follow system"), LIGHT("Light"), DARK("Dark");

    private final String label;

    ThemeChoice(String label) {
        this.label = label;
    }

    @Override
    public String toString() {
        return label;
    }
}
