package dev.switchboard.app.prompts;

import dev.switchboard.app.common.Styles;
import dev.switchboard.prompts.diff.DiffLine;
import dev.switchboard.prompts.diff.MessageDiff;
import dev.switchboard.prompts.diff.PromptDiff;
import java.util.List;
import java.util.Locale;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * Two versions side by side, older on the left: per message, then the model settings; deleted lines red on the
 * left, inserted lines green on the right, a grey gap where a side has no line.
 */
final class DiffView extends ScrollPane {
    private final VBox content = new VBox(12);

    DiffView() {
        setId("diffView");
        setFitToWidth(true);
        content.setFillWidth(true);
        setContent(content);
    }

    void show(PromptDiff diff) {
        content.getChildren().clear();
        if (diff == null) {
            return;
        }
        if (diff.identical()) {
            Label same = new Label("Versions " + diff.oldVersion() + " and " + diff.newVersion()
                    + " have the same messages and settings; only their commit details differ.");
            same.setId("diffIdentical");
            same.getStyleClass().add(Styles.MUTED);
            content.getChildren().add(same);
        }
        for (MessageDiff message : diff.messages()) {
            content.getChildren().addAll(heading(message), grid(diff, message.lines()));
        }
        Label settings = new Label("Model settings");
        settings.setStyle("-fx-font-weight: bold");
        content.getChildren().addAll(settings, grid(diff, diff.settings()));
    }

    private static Label heading(MessageDiff message) {
        String role = message.roleChanged() ? message.oldRole() + " → " + message.newRole()
                : message.newRole() != null ? message.newRole() : message.oldRole() != null ? message.oldRole()
                : "text";
        Label label = new Label("Message " + (message.index() + 1) + " · " + role + " · "
                + message.change().name().toLowerCase(Locale.ROOT));
        label.setStyle("-fx-font-weight: bold");
        return label;
    }

    private static GridPane grid(PromptDiff diff, List<DiffLine> lines) {
        GridPane grid = new GridPane();
        grid.getStyleClass().add("diff-grid");
        for (int i = 0; i < 2; i++) {
            ColumnConstraints half = new ColumnConstraints();
            half.setPercentWidth(50);
            half.setHgrow(Priority.ALWAYS);
            grid.getColumnConstraints().add(half);
        }
        grid.addRow(0, header("v" + diff.oldVersion()), header("v" + diff.newVersion()));
        int row = 1;
        for (SideBySide.Row pair : SideBySide.rows(lines)) {
            grid.addRow(row++, cell(pair.left(), true), cell(pair.right(), false));
        }
        return grid;
    }

    private static Label header(String text) {
        Label label = new Label(text);
        label.getStyleClass().add(Styles.MUTED);
        return label;
    }

    private static Label cell(DiffLine line, boolean left) {
        Label label = new Label();
        label.setMaxWidth(Double.MAX_VALUE);
        label.setWrapText(true);
        if (line == null) {
            label.getStyleClass().add(Styles.DIFF_NONE);
            return label;
        }
        Integer number = left ? line.oldLine() : line.newLine();
        String marker = switch (line.kind()) {
            case INSERT -> "+ ";
            case DELETE -> "- ";
            case EQUAL -> "  ";
        };
        label.setText(String.format("%3d %s%s", number, marker, line.text()));
        label.getStyleClass().add(switch (line.kind()) {
            case INSERT -> Styles.DIFF_INSERT;
            case DELETE -> Styles.DIFF_DELETE;
            case EQUAL -> Styles.DIFF_EQUAL;
        });
        return label;
    }
}
