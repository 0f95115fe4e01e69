package dev.switchboard.app.traces;

import dev.switchboard.app.common.Formats;
import dev.switchboard.app.common.Styles;
import dev.switchboard.gateway.trace.Trace;
import java.math.BigDecimal;
import java.math.MathContext;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;

/** Tokens by kind and what they cost, for one trace. */
final class CostBreakdown extends GridPane {

    CostBreakdown() {
        setId("costBreakdown");
        setHgap(24);
        setVgap(8);
        setPadding(new Insets(12));
    }

    void show(Trace t) {
        getChildren().clear();
        if (t == null) {
            return;
        }
        int row = 0;
        row = line(row, "Input tokens", Formats.count(t.inputTokens()));
        row = line(row, "  of which cached", Formats.count(t.cachedTokens()));
        row = line(row, "Output tokens", Formats.count(t.outputTokens()));
        row = line(row, "  of which reasoning", Formats.count(t.reasoningTokens()));
        row = line(row, "Counted by", t.tokensEstimated() ? "estimate (the provider reported no usage)"
                : "the provider's usage report");
        row = line(row, "Cost", t.costUsd() == null ? "unknown: no price for " + t.model()
                + " (add one in Settings → Prices)" : Formats.usd(t.costUsd()));
        if (t.cacheStatus() != null) {
            row = line(row, "Cache", t.cacheStatus()
                    + (t.costSavedUsd() == null ? "" : " · saved " + Formats.usd(t.costSavedUsd())));
        }
        if (t.apiKeyName() != null) {
            row = line(row, "Gateway API key", t.apiKeyName());
        }
        int tokens = (t.inputTokens() == null ? 0 : t.inputTokens()) + (t.outputTokens() == null ? 0 : t.outputTokens());
        if (t.costUsd() != null && tokens > 0) {
            line(row, "Per 1K tokens", Formats.usd(t.costUsd().multiply(BigDecimal.valueOf(1000))
                    .divide(BigDecimal.valueOf(tokens), MathContext.DECIMAL64)));
        }
    }

    private int line(int row, String name, String value) {
        Label key = new Label(name);
        key.getStyleClass().add(Styles.MUTED);
        Label val = new Label(value);
        val.setId("cost-" + row);
        add(key, 0, row);
        add(val, 1, row);
        return row + 1;
    }
}
