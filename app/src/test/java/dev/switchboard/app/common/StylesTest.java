package dev.switchboard.app.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import javafx.collections.ListChangeListener;
import javafx.scene.layout.Pane;
import org.junit.jupiter.api.Test;

class StylesTest {
    @Test
    void chooseKeepsOneClassOfTheSetAndLeavesOthersAlone() {
        Pane node = new Pane();
        node.getStyleClass().add("card");

        Styles.choose(node, Styles.STATUS_OK, Styles.STATUS_OK, Styles.STATUS_ERROR);
        assertThat(node.getStyleClass()).containsExactly("card", Styles.STATUS_OK);

        Styles.choose(node, Styles.STATUS_ERROR, Styles.STATUS_OK, Styles.STATUS_ERROR);
        assertThat(node.getStyleClass()).containsExactly("card", Styles.STATUS_ERROR);

        Styles.choose(node, null, Styles.STATUS_OK, Styles.STATUS_ERROR);
        assertThat(node.getStyleClass()).containsExactly("card");
    }

    @Test
    void chooseTheSameClassAgainChangesNothing() {
        Pane node = new Pane();
        Styles.choose(node, Styles.STATUS_OK, Styles.STATUS_OK, Styles.STATUS_ERROR);
        AtomicInteger changes = new AtomicInteger();
        node.getStyleClass().addListener((ListChangeListener<String>) change -> changes.incrementAndGet());

        Styles.choose(node, Styles.STATUS_OK, Styles.STATUS_OK, Styles.STATUS_ERROR);

        assertThat(changes).as("a change would restyle the node").hasValue(0);
    }
}
