package dev.switchboard.app.traces;

import dev.switchboard.app.common.TimeRange;
import dev.switchboard.gateway.trace.TraceQuery;
import java.math.BigDecimal;
import java.time.Instant;
import javafx.beans.Observable;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** What the user typed into the trace filters, and its translation into a {@link TraceQuery}. */
public final class TraceFilterForm {
    private final StringProperty text = new SimpleStringProperty("");
    private final ObjectProperty<StatusFilter> status = new SimpleObjectProperty<>(StatusFilter.ANY);
    private final StringProperty provider = new SimpleStringProperty("");
    private final StringProperty model = new SimpleStringProperty("");
    private final StringProperty prompt = new SimpleStringProperty("");
    private final ObjectProperty<TimeRange> range = new SimpleObjectProperty<>(TimeRange.ANY);
    private final StringProperty metadata = new SimpleStringProperty("");
    private final StringProperty minDurationMs = new SimpleStringProperty("");
    private final StringProperty minCostUsd = new SimpleStringProperty("");

    /** A filter value the store cannot use; the message says how to fix it. */
    public static final class InvalidFilterException extends Exception {
        InvalidFilterException(String message) {
            super(message);
        }
    }

    /**
     * @param limit page size
     * @param now   the time relative ranges count back from
     */
    public TraceQuery toQuery(int limit, Instant now) throws InvalidFilterException {
        TimeRange chosen = range.get() == null ? TimeRange.ANY : range.get();
        Instant from = chosen.length() == null ? null : now.minus(chosen.length());
        String metaKey = null;
        String metaValue = null;
        String meta = blankToNull(metadata.get());
        if (meta != null) {
            int eq = meta.indexOf('=');
            metaKey = (eq < 0 ? meta : meta.substring(0, eq)).trim();
            metaValue = eq < 0 ? null : meta.substring(eq + 1).trim();
            if (metaKey.isEmpty()) {
                throw new InvalidFilterException("Metadata filter must look like key=value (e.g. team=search)");
            }
        }
        StatusFilter statusChoice = status.get() == null ? StatusFilter.ANY : status.get();
        return new TraceQuery(limit, null, blankToNull(provider.get()), blankToNull(model.get()),
                statusChoice.queryValue(), blankToNull(text.get()), blankToNull(prompt.get()), from, null, metaKey,
                metaValue, minDuration(), minCost());
    }

    /** True when no filter narrows the list. */
    public boolean isEmpty() {
        return blankToNull(text.get()) == null && (status.get() == null || status.get() == StatusFilter.ANY)
                && blankToNull(provider.get()) == null && blankToNull(model.get()) == null
                && blankToNull(prompt.get()) == null && (range.get() == null || range.get() == TimeRange.ANY)
                && blankToNull(metadata.get()) == null && blankToNull(minDurationMs.get()) == null
                && blankToNull(minCostUsd.get()) == null;
    }

    public void clear() {
        text.set("");
        status.set(StatusFilter.ANY);
        provider.set("");
        model.set("");
        prompt.set("");
        range.set(TimeRange.ANY);
        metadata.set("");
        minDurationMs.set("");
        minCostUsd.set("");
    }

    private Long minDuration() throws InvalidFilterException {
        String value = blankToNull(minDurationMs.get());
        if (value == null) {
            return null;
        }
        try {
            long ms = Long.parseLong(value.replace("ms", "").trim());
            if (ms < 0) {
                throw new NumberFormatException();
            }
            return ms;
        } catch (NumberFormatException e) {
            throw new InvalidFilterException("Min duration must be a whole number of milliseconds, e.g. 500");
        }
    }

    private BigDecimal minCost() throws InvalidFilterException {
        String value = blankToNull(minCostUsd.get());
        if (value == null) {
            return null;
        }
        try {
            BigDecimal cost = new BigDecimal(value.replace("$", "").trim());
            if (cost.signum() < 0) {
                throw new NumberFormatException();
            }
            return cost;
        } catch (NumberFormatException e) {
            throw new InvalidFilterException("Min cost must be an amount in USD, e.g. 0.01");
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    /** Every input, for views that re-query when any of them changes. */
    public Observable[] inputs() {
        return new Observable[] {text, status, provider, model, prompt, range, metadata, minDurationMs, minCostUsd};
    }

    public StringProperty text() {
        return text;
    }

    public ObjectProperty<StatusFilter> status() {
        return status;
    }

    public StringProperty provider() {
        return provider;
    }

    public StringProperty model() {
        return model;
    }

    public StringProperty prompt() {
        return prompt;
    }

    public ObjectProperty<TimeRange> range() {
        return range;
    }

    public StringProperty metadata() {
        return metadata;
    }

    public StringProperty minDurationMs() {
        return minDurationMs;
    }

    public StringProperty minCostUsd() {
        return minCostUsd;
    }
}
