package dev.switchboard.app.traces;

import dev.switchboard.app.common.Formats;
import dev.switchboard.app.common.Styles;
import dev.switchboard.gateway.trace.Span;
import dev.switchboard.gateway.trace.Trace;
import java.time.Duration;
import java.util.List;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/**
 * A trace's spans as bars on one time axis: each attempt where it started and how long it took, failed attempts
 * in red, so retries and fallbacks are visible at a glance.
 */
final class SpanTimeline extends GridPane {

    SpanTimeline() {
        setId("spanTimeline");
        setHgap(12);
        setVgap(8);
        setPadding(new Insets(12));
        ColumnConstraints label = new ColumnConstraints();
        label.setMinWidth(220);
        ColumnConstraints bar = new ColumnConstraints();
        bar.setHgrow(Priority.ALWAYS);
        getColumnConstraints().addAll(label, bar);
    }

    void show(Trace trace) {
        getChildren().clear();
        List<Span> spans = trace == null || trace.spans() == null ? List.of() : trace.spans();
        if (spans.isEmpty()) {
            add(new Label(trace == null ? "" : "No spans recorded: the gateway answered without calling a provider"),
                    0, 0, 2, 1);
            return;
        }
        long total = Math.max(1, trace.durationMs());
        int row = 0;
        for (Span span : spans) {
            long offset = Math.max(0, Duration.between(trace.startedAt(), span.startedAt()).toMillis());
            boolean failed = span.error() != null || (span.status() != null && span.status() >= 400);
            // Which target of a fallback or load-balance config, and which retry of it: what makes them visible.
            String name = (span.index() + 1) + ". " + span.kind() + " · " + span.provider()
                    + (span.target() == null ? "" : " (" + span.target() + ")")
                    + (span.retry() > 0 ? " · retry " + span.retry() : "")
                    + (span.status() == null ? "" : " · " + span.status()) + " · " + Formats.millis(span.durationMs());
            Label label = new Label(name);
            label.getStyleClass().add(failed ? Styles.STATUS_ERROR : Styles.STATUS_OK);
            Tooltip.install(label, new Tooltip((span.url() == null ? "" : span.url())
                    + (span.error() == null ? "" : "\n" + span.error())));
            add(label, 0, row);
            add(bar(offset, span.durationMs(), total, failed), 1, row);
            row++;
        }
        Label axis = new Label("0 ms — " + Formats.millis(trace.durationMs()) + " total"
                + (trace.ttftMs() == null ? "" : " · first token at " + Formats.millis(trace.ttftMs())));
        axis.getStyleClass().add(Styles.MUTED);
        add(axis, 1, row);
    }

    private static Region bar(long offset, long duration, long total, boolean failed) {
        Region fill = new Region();
        fill.getStyleClass().add(Styles.SPAN_BAR);
        if (failed) {
            fill.getStyleClass().add(Styles.SPAN_BAR_FAILED);
        }
        return new SpanBar(fill, (double) offset / total, (double) Math.min(duration, total) / total);
    }

    /** A track as wide as its column, with the span's bar placed by fractions of the trace's duration. */
    private static final class SpanBar extends Region {
        private final Region fill;
        private final double start;
        private final double length;

        SpanBar(Region fill, double start, double length) {
            this.fill = fill;
            this.start = start;
            this.length = length;
            getChildren().add(fill);
            setMinSize(120, 16);
            setPrefSize(400, 16);
        }

        @Override
        protected void layoutChildren() {
            double w = getWidth();
            fill.resizeRelocate(w * start, 2, Math.max(3, w * length), 12);
        }
    }
}
