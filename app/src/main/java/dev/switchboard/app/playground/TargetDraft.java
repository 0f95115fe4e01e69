package dev.switchboard.app.playground;

import java.util.Locale;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** A target's form: text as typed, turned into a {@link Target} (or a readable error) when a run starts. */
public final class TargetDraft {
    private final StringProperty provider = new SimpleStringProperty();
    private final StringProperty model = new SimpleStringProperty();
    private final StringProperty customHost = new SimpleStringProperty();
    private final StringProperty virtualKey = new SimpleStringProperty();
    private final StringProperty temperature = new SimpleStringProperty();
    private final StringProperty maxTokens = new SimpleStringProperty();
    private final StringProperty promptVersion = new SimpleStringProperty();

    TargetDraft(Target target) {
        provider.set(target.provider());
        model.set(target.model());
        customHost.set(target.customHost());
        virtualKey.set(target.virtualKey());
        temperature.set(target.temperature() == null ? "" : String.valueOf(target.temperature()));
        maxTokens.set(target.maxTokens() == null ? "" : String.valueOf(target.maxTokens()));
        promptVersion.set(target.promptVersion() == null ? "" : String.valueOf(target.promptVersion()));
    }

    /** A new draft with the same text in every field. */
    TargetDraft copy() {
        TargetDraft copy = new TargetDraft(new Target(null, null, null, null, null, null));
        copy.provider.set(provider.get());
        copy.model.set(model.get());
        copy.customHost.set(customHost.get());
        copy.virtualKey.set(virtualKey.get());
        copy.temperature.set(temperature.get());
        copy.maxTokens.set(maxTokens.get());
        copy.promptVersion.set(promptVersion.get());
        return copy;
    }

    /**
     * @param position 1-based, for the error message
     * @throws IllegalArgumentException naming the target and the field
     */
    Target toTarget(int position) {
        String where = "Target " + position + ": ";
        if (blank(model.get())) {
            throw new IllegalArgumentException(where + "choose a model");
        }
        Double temp = null;
        if (!blank(temperature.get())) {
            try {
                temp = Double.parseDouble(temperature.get().strip());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(where + "temperature must be a number, e.g. 0.7");
            }
            if (temp < 0 || temp > 2) {
                throw new IllegalArgumentException(where + "temperature must be between 0 and 2");
            }
        }
        Integer max = positive(maxTokens.get(), where + "max tokens");
        Integer version = positive(promptVersion.get(), where + "prompt version");
        String chosenProvider = blank(provider.get()) ? null : provider.get().strip().toLowerCase(Locale.ROOT);
        return new Target(chosenProvider, model.get(), customHost.get(), virtualKey.get(), temp, max, version);
    }

    private static Integer positive(String text, String what) {
        if (blank(text)) {
            return null;
        }
        try {
            int value = Integer.parseInt(text.strip());
            if (value >= 1) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below, with the same words as a value below 1
        }
        throw new IllegalArgumentException(what + " must be a whole number of at least 1");
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    public StringProperty provider() {
        return provider;
    }

    public StringProperty model() {
        return model;
    }

    public StringProperty customHost() {
        return customHost;
    }

    public StringProperty virtualKey() {
        return virtualKey;
    }

    public StringProperty temperature() {
        return temperature;
    }

    public StringProperty maxTokens() {
        return maxTokens;
    }

    /** Blank renders the source as it is; a number renders that version of the source's saved prompt. */
    public StringProperty promptVersion() {
        return promptVersion;
    }
}
