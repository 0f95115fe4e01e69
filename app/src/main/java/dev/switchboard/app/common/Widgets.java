package dev.switchboard.app.common;

import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableStringValue;
import javafx.event.ActionEvent;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.Tab;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.feather.Feather;

/** Small pieces the management pages share: text columns, message lines, form dialogs, confirmations. */
public final class Widgets {
    private Widgets() {
    }

    /** A text column; a cell too narrow for its text shows all of it in a tooltip. */
    public static <T> TableColumn<T, String> column(String title, double width, Function<T, String> value) {
        TableColumn<T, String> column = new TableColumn<>(title);
        column.setCellValueFactory(c -> new ReadOnlyStringWrapper(value.apply(c.getValue())));
        column.setCellFactory(c -> new TableCell<>() {
            /** One per cell, not per update: cells are reused as rows scroll and refresh. */
            private final Tooltip tooltip = new Tooltip();

            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item);
                boolean none = empty || item == null || item.isEmpty();
                tooltip.setText(none ? null : item);
                setTooltip(none ? null : tooltip);
            }
        });
        column.setPrefWidth(width);
        return column;
    }

    public static <T> TableView<T> table(String id, String placeholder) {
        TableView<T> table = new TableView<>();
        table.setId(id);
        Label empty = new Label(placeholder);
        empty.setWrapText(true);
        empty.setMaxWidth(520);
        empty.getStyleClass().add(Styles.MUTED);
        table.setPlaceholder(empty);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        return table;
    }

    /** A line of text shown only while there is text: errors in red, other news muted. */
    public static Label message(String id, ObservableStringValue text, boolean error) {
        Label label = new Label();
        label.setId(id);
        label.setWrapText(true);
        label.getStyleClass().add(error ? Styles.ERROR_TEXT : Styles.MUTED);
        label.textProperty().bind(text);
        label.visibleProperty().bind(label.textProperty().isNotEmpty());
        label.managedProperty().bind(label.visibleProperty());
        return label;
    }

    public static Label hint(String text) {
        Label label = new Label(text);
        label.setWrapText(true);
        label.getStyleClass().add(Styles.MUTED);
        return label;
    }

    /** A two-column form whose labels never shrink into "Custom …". */
    public static GridPane form() {
        GridPane grid = new GridPane();
        grid.setHgap(12);
        grid.setVgap(10);
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMinWidth(Region.USE_PREF_SIZE);
        ColumnConstraints fields = new ColumnConstraints();
        fields.setHgrow(Priority.ALWAYS);
        grid.getColumnConstraints().addAll(labels, fields);
        return grid;
    }

    /** A button that keeps its whole label however little room its row has. */
    public static <B extends Labeled> B unshrinkable(B button) {
        button.setMinWidth(Region.USE_PREF_SIZE);
        return button;
    }

    /**
     * A non-blocking form dialog. Its action button does not close it: {@code onAction} gets a callback that does,
     * to be run once the gateway said yes, so a refusal is shown in the form and nothing typed is lost.
     *
     * @param onClosed runs however the dialog closes (also on cancel): the model empties the form
     */
    public static Dialog<ButtonType> formDialog(Window owner, String title, String actionText, String actionId,
                                         Node content, Consumer<Runnable> onAction,
                                         Runnable onClosed) {
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle(title);
        dialog.setHeaderText(null);
        ButtonType action = new ButtonType(actionText, ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().addAll(action, ButtonType.CANCEL);
        dialog.getDialogPane().setContent(content);
        dialog.getDialogPane().getStylesheets().add(Widgets.class.getResource(Styles.APP_STYLESHEET)
                .toExternalForm());
        Button button = (Button) dialog.getDialogPane().lookupButton(action);
        button.setId(actionId);
        button.setDefaultButton(true);
        button.addEventFilter(ActionEvent.ACTION, e -> {
            e.consume();
            onAction.accept(dialog::close);
        });
        dialog.getDialogPane().lookupButton(ButtonType.CANCEL).setId(actionId + "Cancel");
        dialog.setOnHidden(e -> onClosed.run());
        growWithMessages(dialog, content);
        return dialog;
    }

    /**
     * A dialog keeps the size it opened with, and a wrapping label asks for one line's height unless it knows its
     * width: a refusal shown later would be cut to "e.g. …". So the form's own lines get the form's width and never
     * shrink below their height, and whenever one appears or changes, the window is fitted to its content again.
     */
    private static void growWithMessages(Dialog<?> dialog, Node content) {
        // Listeners run on the FX thread; sizeToScene reads the content's preferred size as it is now.
        Runnable fit = () -> {
            if (dialog.isShowing()) {
                dialog.getDialogPane().getScene().getWindow().sizeToScene();
            }
        };
        if (!(content instanceof Pane form)) {
            return;
        }
        for (Node node : form.getChildren()) {
            if (node instanceof Label label && label.isWrapText()) {
                label.setPrefWidth(form.getPrefWidth());
                label.setMinHeight(Region.USE_PREF_SIZE);
                label.visibleProperty().addListener((obs, old, now) -> fit.run());
                label.textProperty().addListener((obs, old, now) -> fit.run());
            }
        }
    }

    /** Asks before something that cannot be undone; {@code onConfirm} runs only on the action button. */
    public static void confirm(Window owner, String title, String text, String actionText, String actionId,
                        Runnable onConfirm) {
        confirm(owner, title, text, actionText, actionId, onConfirm, () -> { });
    }

    /** The same, with {@code onCancel} run when the dialog closes any other way. */
    public static void confirm(Window owner, String title, String text, String actionText, String actionId,
                               Runnable onConfirm, Runnable onCancel) {
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle(title);
        dialog.setHeaderText(null);
        Label body = new Label(text);
        body.setWrapText(true);
        body.setMaxWidth(440);
        dialog.getDialogPane().setContent(body);
        ButtonType action = new ButtonType(actionText, ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().addAll(ButtonType.CANCEL, action);
        Button button = (Button) dialog.getDialogPane().lookupButton(action);
        button.setId(actionId);
        button.getStyleClass().add(atlantafx.base.theme.Styles.DANGER);
        // Enter cancels: a destructive action takes a deliberate click.
        button.setDefaultButton(false);
        ((Button) dialog.getDialogPane().lookupButton(ButtonType.CANCEL)).setDefaultButton(true);
        dialog.getDialogPane().lookupButton(ButtonType.CANCEL).setId(actionId + "Cancel");
        dialog.setResultConverter(type -> type);
        dialog.setOnHidden(e -> {
            if (dialog.getResult() == action) {
                onConfirm.run();
            } else {
                onCancel.run();
            }
        });
        dialog.show();
    }

    /** A notice across the page saying why it has nothing to show (demo mode, no gateway), shown only then. */
    public static HBox unavailableBanner(String id, ObservableStringValue text) {
        Label label = new Label();
        label.setId(id);
        label.setWrapText(true);
        label.textProperty().bind(text);
        HBox banner = new HBox(8, Icons.icon(Feather.INFO), label);
        banner.getStyleClass().addAll(Styles.BANNER, Styles.BANNER_DEMO);
        banner.setAlignment(Pos.CENTER_LEFT);
        banner.visibleProperty().bind(label.textProperty().isNotEmpty());
        banner.managedProperty().bind(banner.visibleProperty());
        return banner;
    }

    /** A page tab with an icon, its content given the tab's whole height. */
    public static Tab tab(String id, String text, Ikon icon, Node content) {
        VBox box = new VBox(content);
        VBox.setVgrow(content, Priority.ALWAYS);
        box.setPadding(new Insets(12, 0, 0, 0));
        Tab tab = new Tab(text, box);
        tab.setId(id);
        tab.setGraphic(Icons.icon(icon));
        return tab;
    }

    /** A text field that edits {@code value} both ways. */
    public static TextField textField(String id, StringProperty value) {
        TextField field = new TextField();
        field.setId(id);
        field.textProperty().bindBidirectional(value);
        return field;
    }
}
