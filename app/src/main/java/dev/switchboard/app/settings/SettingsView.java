package dev.switchboard.app.settings;

import dev.switchboard.app.common.Icons;
import dev.switchboard.app.common.Styles;
import dev.switchboard.app.common.Widgets;
import java.io.File;
import java.math.BigDecimal;
import java.util.List;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.StringProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import org.kordamp.ikonli.feather.Feather;

/** The Settings page: appearance, embedded gateway, retention, prices and remote connections. */
public final class SettingsView extends ScrollPane {

    public SettingsView(SettingsViewModel vm, Node connections) {
        setId("settingsView");
        setFitToWidth(true);
        getStyleClass().add(Styles.PAGE);
        Label title = new Label("Settings");
        title.getStyleClass().add(Styles.PAGE_TITLE);
        VBox page = new VBox(20, title,
                section("Appearance", appearance(vm)),
                section("Embedded gateway", gateway(vm)),
                section("Remote gateways", connections),
                section("Retention", retention(vm)),
                section("Custom model prices", prices(vm)));
        page.setPadding(new Insets(16));
        page.setMaxWidth(900);
        setContent(page);
    }

    private static VBox section(String name, Node body) {
        Label title = new Label(name);
        title.getStyleClass().add(Styles.SECTION_TITLE);
        VBox box = new VBox(8, title, body);
        box.getStyleClass().add(Styles.CARD);
        return box;
    }

    private static Node appearance(SettingsViewModel vm) {
        ChoiceBox<ThemeChoice> theme = new ChoiceBox<>();
        theme.setId("themeChoice");
        theme.getItems().setAll(ThemeChoice.values());
        theme.valueProperty().bindBidirectional(vm.settings().theme());
        return row("Theme", theme);
    }

    private Node gateway(SettingsViewModel vm) {
        TextField dir = field("dataDir", vm.dataDir(), 32);
        Button browse = Icons.button("browseDataDir", "Browse…", Feather.FOLDER);
        browse.setOnAction(e -> {
            DirectoryChooser chooser = new DirectoryChooser();
            File chosen = chooser.showDialog(getScene().getWindow());
            if (chosen != null) {
                vm.dataDir().set(chosen.getAbsolutePath());
            }
        });
        TextField host = field("gatewayHost", vm.gatewayHost(), 14);
        TextField port = field("gatewayPort", vm.gatewayPort(), 6);
        CheckBox capture = new CheckBox("Store request and response bodies");
        capture.setId("captureBodies");
        capture.selectedProperty().bindBidirectional(vm.captureBodies());
        TextField maxKb = field("bodyMaxKb", vm.bodyMaxKb(), 6);
        maxKb.disableProperty().bind(vm.captureBodies().not());
        Button apply = Icons.button("applyGateway", "Apply and restart gateway", Feather.REFRESH_CW);
        apply.setOnAction(e -> vm.applyGateway());
        Label hint = new Label("Binding to a host other than 127.0.0.1 exposes the gateway to your network.");
        hint.getStyleClass().add(Styles.MUTED);
        GridPane grid = grid();
        grid.addRow(0, new Label("Data directory"), line(dir, browse));
        grid.addRow(1, new Label("Host and port"), line(host, new Label(":"), port));
        grid.addRow(2, new Label("Body capture"), line(capture, maxKb, new Label("KB per body at most")));
        return new VBox(8, grid, hint, new HBox(8, apply), message("gatewayMessage", vm.gatewayMessage()));
    }

    private static Node retention(SettingsViewModel vm) {
        TextField days = field("retentionDays", vm.retentionDays(), 6);
        days.setPromptText("keep all");
        TextField gb = field("retentionMaxGb", vm.retentionMaxGb(), 6);
        gb.setPromptText("no limit");
        Button apply = Icons.button("applyRetention", "Apply", Feather.CHECK);
        apply.setOnAction(e -> vm.applyRetention());
        GridPane grid = grid();
        grid.addRow(0, new Label("Delete traces older than"), line(days, new Label("days")));
        grid.addRow(1, new Label("Keep stored traces under"), line(gb, new Label("GB")));
        Label hint = new Label("Applies to the embedded gateway, in the background, every 10 minutes.");
        hint.getStyleClass().add(Styles.MUTED);
        return new VBox(8, grid, hint, new HBox(8, apply), message("retentionMessage", vm.retentionMessage()));
    }

    private static Node prices(SettingsViewModel vm) {
        TableView<CustomPrice> table = new TableView<>(vm.settings().customPrices());
        table.setId("priceTable");
        table.setPrefHeight(150);
        table.setPlaceholder(new Label("No custom prices: the bundled price table applies."));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().addAll(List.of(
                column("Model", CustomPrice::model),
                column("Input $/1M", p -> plain(p.inputPerMillion())),
                column("Output $/1M", p -> plain(p.outputPerMillion())),
                column("Cached input $/1M", p -> plain(p.cachedInputPerMillion())),
                removeColumn(vm)));
        TextField model = field("priceModel", vm.priceModel(), 16);
        model.setPromptText("model or pattern*");
        TextField input = field("priceInput", vm.priceInput(), 7);
        input.setPromptText("input");
        TextField output = field("priceOutput", vm.priceOutput(), 7);
        output.setPromptText("output");
        TextField cached = field("priceCached", vm.priceCached(), 7);
        cached.setPromptText("cached");
        Button add = Icons.button("addPrice", "Add or override", Feather.PLUS);
        add.setOnAction(e -> vm.addPrice());
        HBox form = new HBox(8, model, input, output, cached, add);
        form.setAlignment(Pos.CENTER_LEFT);
        Label hint = new Label("USD per million tokens. A custom price wins over the bundled one and applies to "
                + "new traces of the embedded gateway.");
        hint.getStyleClass().add(Styles.MUTED);
        hint.setWrapText(true);
        return new VBox(8, table, form, hint, message("priceMessage", vm.priceMessage()));
    }

    private static TableColumn<CustomPrice, String> column(String title, Function<CustomPrice, String> value) {
        TableColumn<CustomPrice, String> column = new TableColumn<>(title);
        column.setCellValueFactory(c -> new ReadOnlyStringWrapper(value.apply(c.getValue())));
        return column;
    }

    private static TableColumn<CustomPrice, String> removeColumn(SettingsViewModel vm) {
        TableColumn<CustomPrice, String> column = new TableColumn<>("");
        column.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                if (empty || getTableRow() == null || getTableRow().getItem() == null) {
                    setGraphic(null);
                    return;
                }
                CustomPrice price = getTableRow().getItem();
                Button remove = Icons.iconButton(null, Feather.TRASH_2, "Remove this price");
                remove.setOnAction(e -> vm.removePrice(price));
                setGraphic(remove);
            }
        });
        column.setMaxWidth(60);
        return column;
    }

    private static String plain(BigDecimal value) {
        return value == null ? "" : value.stripTrailingZeros().toPlainString();
    }

    private static TextField field(String id, StringProperty value, int columns) {
        TextField field = Widgets.textField(id, value);
        field.setPrefColumnCount(columns);
        return field;
    }

    private static Label message(String id, StringProperty text) {
        Label label = new Label();
        label.setId(id);
        label.setWrapText(true);
        label.textProperty().bind(text);
        return label;
    }

    private static GridPane grid() {
        GridPane grid = new GridPane();
        grid.setHgap(12);
        grid.setVgap(8);
        return grid;
    }

    private static HBox row(String name, Node control) {
        HBox row = new HBox(12, new Label(name), control);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    private static HBox line(Node... nodes) {
        HBox line = new HBox(8, nodes);
        line.setAlignment(Pos.CENTER_LEFT);
        return line;
    }
}
