package dev.switchboard.app.shell;

import dev.switchboard.app.common.Icons;
import dev.switchboard.app.common.Styles;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;

/** An honest placeholder for a page that a later release brings. */
final class ComingSoonView extends VBox {
    ComingSoonView(Page page, String what) {
        setId(page.name().toLowerCase(java.util.Locale.ROOT) + "View");
        setAlignment(Pos.CENTER);
        setSpacing(12);
        getStyleClass().add(Styles.EMPTY_STATE);
        FontIcon icon = Icons.icon(page.icon());
        icon.setIconSize(48);
        Label title = new Label(page.title() + " — coming soon");
        title.getStyleClass().add(Styles.PAGE_TITLE);
        Label text = new Label(what);
        text.setWrapText(true);
        text.setMaxWidth(520);
        text.getStyleClass().add(Styles.MUTED);
        getChildren().addAll(icon, title, text);
    }
}
