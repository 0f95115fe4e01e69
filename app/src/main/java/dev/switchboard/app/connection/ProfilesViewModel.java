package dev.switchboard.app.connection;

import dev.switchboard.app.common.UiTasks;
import dev.switchboard.app.common.UserMessages;
import java.util.UUID;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.ObservableList;

/**
 * Saved remote gateways: add one (checked against the gateway before it is saved, token sealed at once and the
 * field cleared), connect to one, delete one.
 */
public final class ProfilesViewModel {
    private final ObservableList<ConnectionProfile> profiles;
    private final ConnectionChecker checker;
    private final TokenCipher cipher;
    private final ConnectionViewModel connection;
    private final UiTasks tasks;
    private final StringProperty name = new SimpleStringProperty("");
    private final StringProperty url = new SimpleStringProperty("");
    private final StringProperty token = new SimpleStringProperty("");
    private final StringProperty message = new SimpleStringProperty();
    private final BooleanProperty checking = new SimpleBooleanProperty();

    public ProfilesViewModel(ObservableList<ConnectionProfile> profiles, ConnectionChecker checker, TokenCipher cipher,
                             ConnectionViewModel connection, UiTasks tasks) {
        this.profiles = profiles;
        this.checker = checker;
        this.cipher = cipher;
        this.connection = connection;
        this.tasks = tasks;
    }

    /** Checks the gateway with the entered token and saves the profile only if it answers. */
    public void testAndSave() {
        String enteredUrl = url.get() == null ? "" : url.get().trim();
        String enteredToken = token.get() == null ? "" : token.get().trim();
        String enteredName = name.get() == null || name.get().isBlank() ? enteredUrl : name.get().trim();
        checking.set(true);
        message.set("Checking " + enteredUrl + "…");
        tasks.supply(() -> {
            String found = checker.check(enteredUrl, enteredToken);
            return new Checked(found, cipher.encrypt(enteredToken));
        }).onSuccess(checked -> {
            profiles.removeIf(p -> p.url().equals(enteredUrl));
            profiles.add(new ConnectionProfile(UUID.randomUUID().toString(), enteredName, enteredUrl,
                    checked.sealed()));
            name.set("");
            url.set("");
            token.set("");
            message.set("Saved " + enteredName + ". " + checked.found());
        }).onError(e -> message.set(UserMessages.of(e))).onDone(() -> checking.set(false)).start();
    }

    private record Checked(String found, String sealed) {
    }

    public void connect(ConnectionProfile profile) {
        connection.connectRemote(profile);
    }

    public void delete(ConnectionProfile profile) {
        profiles.remove(profile);
        message.set("Deleted " + profile.name() + ".");
    }

    public ObservableList<ConnectionProfile> profiles() {
        return profiles;
    }

    public StringProperty name() {
        return name;
    }

    public StringProperty url() {
        return url;
    }

    /** The token being entered; cleared once sealed, and never filled from a saved profile. */
    public StringProperty token() {
        return token;
    }

    public StringProperty message() {
        return message;
    }

    public BooleanProperty checking() {
        return checking;
    }
}
