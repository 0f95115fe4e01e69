package dev.switchboard.app.connection;

import dev.switchboard.app.common.Icons;
import dev.switchboard.app.common.Layouts;
import dev.switchboard.app.common.Styles;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;

/** The Connections section of Settings: saved remote gateways and a form to add one. */
public final class ProfilesView extends VBox {

    public ProfilesView(ProfilesViewModel vm) {
        setId("profilesView");
        setSpacing(8);
        ListView<ConnectionProfile> list = new ListView<>(vm.profiles());
        list.setId("profileList");
        list.setPrefHeight(120);
        list.setPlaceholder(new Label("No remote gateways saved. The embedded gateway is always available."));
        list.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(ConnectionProfile profile, boolean empty) {
                super.updateItem(profile, empty);
                if (empty || profile == null) {
                    setGraphic(null);
                    setText(null);
                    return;
                }
                Button connect = Icons.button(null, "Connect", Feather.LOG_IN);
                connect.setOnAction(e -> vm.connect(profile));
                Button delete = Icons.iconButton(null, Feather.TRASH_2, "Delete this connection");
                delete.setOnAction(e -> vm.delete(profile));
                // The token is never shown: only that one is saved.
                Label text = new Label(profile.name() + "  ·  " + profile.url() + "  ·  token saved (encrypted)");
                HBox row = new HBox(8, text, Layouts.hspacer(), connect, delete);
                row.setAlignment(Pos.CENTER_LEFT);
                setText(null);
                setGraphic(row);
            }
        });

        TextField name = new TextField();
        name.setId("profileName");
        name.setPromptText("Team gateway");
        name.textProperty().bindBidirectional(vm.name());
        name.setPrefColumnCount(20);
        TextField url = new TextField();
        url.setId("profileUrl");
        url.setPromptText("https://gateway.example.com");
        url.textProperty().bindBidirectional(vm.url());
        url.setPrefColumnCount(32);
        PasswordField token = new PasswordField();
        token.setId("profileToken");
        token.setPromptText("admin token");
        token.textProperty().bindBidirectional(vm.token());
        token.setPrefColumnCount(32);
        Button save = Icons.button("saveProfile", "Test and save", Feather.CHECK_CIRCLE);
        save.disableProperty().bind(vm.checking());
        save.setOnAction(e -> vm.testAndSave());
        Label message = new Label();
        message.setId("profileMessage");
        message.setWrapText(true);
        message.getStyleClass().add(Styles.MUTED);
        message.textProperty().bind(vm.message());

        GridPane form = new GridPane();
        form.setHgap(8);
        form.setVgap(6);
        form.addRow(0, new Label("Name"), name);
        form.addRow(1, new Label("URL"), url);
        form.addRow(2, new Label("Admin token"), token);
        form.add(save, 1, 3);
        getChildren().addAll(list, form, message);
    }
}
