package dev.switchboard.app.settings;

import dev.switchboard.app.connection.ConnectionProfile;
import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The live settings, as JavaFX properties that views bind to. Changed on the FX thread only; every change is
 * handed to the {@link SettingsStore} as a snapshot, which saves it a second after the last change.
 */
public final class AppSettings {
    private final ObjectProperty<ThemeChoice> theme = new SimpleObjectProperty<>(ThemeChoice.SYSTEM);
    private final StringProperty dataDir = new SimpleStringProperty();
    private final StringProperty gatewayHost = new SimpleStringProperty();
    private final IntegerProperty gatewayPort = new SimpleIntegerProperty();
    private final BooleanProperty captureBodies = new SimpleBooleanProperty();
    private final IntegerProperty bodyMaxKb = new SimpleIntegerProperty();
    private final IntegerProperty retentionDays = new SimpleIntegerProperty();
    private final DoubleProperty retentionMaxGb = new SimpleDoubleProperty();
    private final ObservableList<CustomPrice> customPrices = FXCollections.observableArrayList();
    private final ObservableList<ConnectionProfile> profiles = FXCollections.observableArrayList();
    private final StringProperty activeProfileId = new SimpleStringProperty();

    public AppSettings(SettingsData data) {
        theme.set(data.theme());
        dataDir.set(data.dataDir());
        gatewayHost.set(data.gatewayHost());
        gatewayPort.set(data.gatewayPort());
        captureBodies.set(data.captureBodies());
        bodyMaxKb.set(data.bodyMaxKb());
        retentionDays.set(data.retentionDays());
        retentionMaxGb.set(data.retentionMaxGb());
        customPrices.setAll(data.customPrices());
        profiles.setAll(data.profiles());
        activeProfileId.set(data.activeProfileId());
    }

    /** Saves through {@code store} after every change from now on. */
    public AppSettings autoSave(SettingsStore store) {
        for (Observable o : new Observable[] {theme, dataDir, gatewayHost, gatewayPort, captureBodies, bodyMaxKb,
                retentionDays, retentionMaxGb, customPrices, profiles, activeProfileId}) {
            o.addListener(changed -> store.scheduleSave(snapshot()));
        }
        return this;
    }

    public SettingsData snapshot() {
        return new SettingsData(theme.get(), dataDir.get(), gatewayHost.get(), gatewayPort.get(),
                captureBodies.get(), bodyMaxKb.get(), retentionDays.get(), retentionMaxGb.get(),
                customPrices, profiles, activeProfileId.get());
    }

    public ObjectProperty<ThemeChoice> theme() {
        return theme;
    }

    public StringProperty dataDir() {
        return dataDir;
    }

    public StringProperty gatewayHost() {
        return gatewayHost;
    }

    public IntegerProperty gatewayPort() {
        return gatewayPort;
    }

    public BooleanProperty captureBodies() {
        return captureBodies;
    }

    public IntegerProperty bodyMaxKb() {
        return bodyMaxKb;
    }

    public IntegerProperty retentionDays() {
        return retentionDays;
    }

    public DoubleProperty retentionMaxGb() {
        return retentionMaxGb;
    }

    public ObservableList<CustomPrice> customPrices() {
        return customPrices;
    }

    public ObservableList<ConnectionProfile> profiles() {
        return profiles;
    }

    public StringProperty activeProfileId() {
        return activeProfileId;
    }
}
