package dev.switchboard.app.routing;

import dev.switchboard.app.common.Icons;
import dev.switchboard.app.common.Layouts;
import dev.switchboard.app.common.Styles;
import dev.switchboard.app.common.Widgets;
import dev.switchboard.app.routing.GovernanceClient.Circuit;
import java.util.List;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;

/** The Circuits tab: which targets the gateway skips for a cool-down because they kept failing. */
public final class CircuitsView extends VBox {

    public CircuitsView(CircuitsViewModel vm) {
        setId("circuitsView");
        setSpacing(10);
        Label about = Widgets.hint("A target inside a fallback or loadbalance config that fails repeatedly "
                + "(429 or 5xx) is skipped for a cool-down; then one request tries it again.");
        HBox.setHgrow(about, Priority.SOMETIMES);
        Button refresh = Icons.button("refreshCircuits", "Refresh", Feather.REFRESH_CW);
        refresh.disableProperty().bind(vm.loading());
        refresh.setOnAction(e -> vm.refresh());
        Widgets.unshrinkable(refresh);
        HBox bar = new HBox(12, about, Layouts.hspacer(), refresh);
        bar.setAlignment(Pos.CENTER_LEFT);

        TableView<Circuit> table = Widgets.table("circuitTable", "No circuits yet: every target is healthy, or "
                + "no request went through a fallback or loadbalance config.");
        table.setItems(vm.rows());
        TableColumn<Circuit, String> target = Widgets.column("Target", 380, CircuitsViewModel::target);
        target.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item);
                Circuit circuit = empty || getTableRow() == null ? null : getTableRow().getItem();
                setTooltip(circuit == null ? null : new Tooltip(circuit.target()));
            }
        });
        TableColumn<Circuit, String> state = Widgets.column("State", 220, CircuitsViewModel::state);
        state.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item);
                Circuit circuit = empty || getTableRow() == null ? null : getTableRow().getItem();
                String style = circuit == null ? null : switch (circuit.state()) {
                    case "open" -> Styles.STATUS_ERROR;
                    case "closed" -> Styles.STATUS_OK;
                    default -> Styles.MUTED;
                };
                Styles.choose(this, style, Styles.STATUS_OK, Styles.STATUS_ERROR, Styles.MUTED);
            }
        });
        table.getColumns().addAll(List.of(target, state,
                Widgets.<Circuit>column("Failures in a row", 130, c -> Integer.toString(c.consecutiveFailures())),
                Widgets.<Circuit>column("Skipped until", 180, vm::openUntil)));
        VBox.setVgrow(table, Priority.ALWAYS);
        getChildren().addAll(bar, Widgets.message("circuitsUpdated", vm.updated(), false),
                Widgets.message("circuitsError", vm.error(), true), table);
    }
}
