package dev.switchboard.app.usage;

import java.time.Instant;
import java.util.List;

/** One chart series: a name (a model, "Requests", "p95") and a value per bucket, zero-filled. */
public record SeriesData(String name, List<Point> points) {
    /** One bucket's value. */
    public record Point(Instant start, double value) {
    }
}
