package dev.switchboard.app.playground;

import dev.switchboard.app.common.LayoutBoundary;
import dev.switchboard.app.common.LiveViewports;
import dev.switchboard.app.common.Styles;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** One target's answer in compare mode: the text as it streams, then its metrics, or the error in its words. */
final class ResultPane extends VBox {
    private static final double ANSWER_MIN_HEIGHT = 160;
    private final TextArea output = new TextArea();
    private final Label metrics = new Label();
    private final Label error = new Label();

    private final ChangeListener<CellResult> onChange = (obs, old, now) -> show(now);
    private ObservableValue<CellResult> followed;

    /** Hidden until it {@link #follow follows} a run's cell. */
    ResultPane(int col) {
        super(6);
        output.setId("output-" + col);
        output.setEditable(false);
        output.setWrapText(true);
        output.setPromptText("The answer streams in here");
        LiveViewports.uncache(output);
        metrics.setId("metrics-" + col);
        metrics.getStyleClass().add(Styles.MUTED);
        metrics.setWrapText(true);
        error.setId("error-" + col);
        error.getStyleClass().add(Styles.ERROR_TEXT);
        error.setWrapText(true);
        error.managedProperty().bind(error.visibleProperty());
        // Six columns streaming at once: each new token re-lays out its own answer, not the whole page.
        LayoutBoundary answer = new LayoutBoundary(output, ANSWER_MIN_HEIGHT);
        VBox.setVgrow(answer, Priority.ALWAYS);
        getChildren().addAll(metrics, error, answer);
        managedProperty().bind(visibleProperty());
        setVisible(false);
    }

    /**
     * Shows another run's cell in the same controls: a new run re-binds the columns instead of building them again,
     * which would restyle every control of every column just as all of them start streaming.
     */
    void follow(ObservableValue<CellResult> result) {
        if (followed != null) {
            followed.removeListener(onChange);
        }
        followed = result;
        setVisible(result != null);
        if (result != null) {
            show(result.getValue());
            result.addListener(onChange);
        }
    }

    private void show(CellResult r) {
        String shown = output.getText();
        if (!shown.equals(r.output())) {
            if (!shown.isEmpty() && r.output().startsWith(shown)) {
                // A stream only grows: appending the new tokens (which also scrolls to them, as a chat window
                // does) costs far less than replacing the whole text ten times a second.
                output.appendText(r.output().substring(shown.length()));
            } else {
                output.setText(r.output());
                output.positionCaret(r.output().length());
            }
        }
        metrics.setText(CellTexts.metrics(r));
        error.setText(r.error());
        error.setVisible(r.error() != null && r.status() == CellStatus.FAILED);
    }
}
