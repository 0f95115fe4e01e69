package dev.switchboard.app.common;

import javafx.beans.value.ObservableValue;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

/** A big number with a caption, for totals. */
public final class StatCard extends VBox {
    public StatCard(String id, String caption, ObservableValue<String> value) {
        Label number = new Label();
        number.setId(id);
        number.textProperty().bind(value);
        number.getStyleClass().add(Styles.CARD_VALUE);
        Label label = new Label(caption);
        label.getStyleClass().add(Styles.CARD_LABEL);
        getChildren().addAll(number, label);
        getStyleClass().add(Styles.CARD);
    }
}
