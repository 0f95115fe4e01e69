package dev.switchboard.gateway.admin;

import dev.switchboard.gateway.GatewayException;
import dev.switchboard.gateway.Json;
import dev.switchboard.gateway.server.SseWriter;
import dev.switchboard.gateway.store.TraceStore;
import dev.switchboard.gateway.trace.Trace;
import dev.switchboard.gateway.trace.TraceFeed;
import dev.switchboard.gateway.trace.TraceQuery;
import dev.switchboard.gateway.trace.UsageBucket;
import dev.switchboard.gateway.trace.UsageGroup;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The admin API under {@code /admin}: traces, their live stream and usage. Every call needs the admin token. */
public final class AdminRoutes {
    private static final Logger LOG = LoggerFactory.getLogger(AdminRoutes.class);
    private static final int STREAM_BUFFER = 10_000;
    private static final Duration KEEP_ALIVE = Duration.ofSeconds(15);

    private final AdminAuth auth;
    private final TraceStore store;
    private final TraceFeed feed;

    public AdminRoutes(AdminAuth auth, TraceStore store, TraceFeed feed) {
        this.auth = auth;
        this.store = store;
        this.feed = feed;
    }

    public void register(RoutesConfig routes) {
        routes.before("/admin/*", auth::check);
        routes.get("/admin/traces", this::list);
        routes.get("/admin/traces/count", this::count);
        routes.get("/admin/traces/stream", this::stream);
        routes.get("/admin/traces/{id}", this::detail);
        routes.get("/admin/usage", this::usage);
        routes.get("/admin/usage/series", this::usageSeries);
    }

    private void list(Context ctx) throws SQLException {
        json(ctx, store.query(AdminQueries.traceQuery(ctx)));
    }

    private void count(Context ctx) throws SQLException {
        TraceQuery query = AdminQueries.traceQuery(ctx);
        json(ctx, Map.of("count", store.count(query)));
    }

    private void detail(Context ctx) throws SQLException {
        String id = ctx.pathParam("id");
        Trace trace = store.find(id).orElseThrow(() -> GatewayException.notFound("No trace with id '" + id + "'"));
        json(ctx, trace);
    }

    private void usage(Context ctx) throws SQLException {
        Instant to = AdminQueries.instant(ctx, "to", Instant.now());
        Instant from = AdminQueries.instant(ctx, "from", to.minus(Duration.ofDays(1)));
        json(ctx, Map.of("from", from, "to", to, "groups", store.usage(from, to, ctx.queryParam("groupBy"))));
    }

    private void usageSeries(Context ctx) throws SQLException {
        Instant to = AdminQueries.instant(ctx, "to", Instant.now());
        Instant from = AdminQueries.instant(ctx, "from", to.minus(Duration.ofDays(1)));
        Long bucketSeconds = AdminQueries.longValue(ctx, "bucketSeconds");
        Duration bucket = bucketSeconds == null
                ? Duration.between(from, to).dividedBy(60) : Duration.ofSeconds(bucketSeconds);
        var rows = store.usageSeries(from, to, bucket, ctx.queryParam("groupBy"));
        json(ctx, Map.of("from", from, "to", to, "bucketSeconds", Math.max(1, bucket.toSeconds()),
                "buckets", rows.stream().map(AdminRoutes::bucketJson).toList()));
    }

    private static Map<String, Object> bucketJson(UsageBucket bucket) {
        UsageGroup t = bucket.totals();
        Map<String, Object> row = new java.util.LinkedHashMap<>();
        row.put("start", bucket.start());
        row.put("key", t.key());
        row.put("requests", t.requests());
        row.put("errors", t.errors());
        row.put("inputTokens", t.inputTokens());
        row.put("outputTokens", t.outputTokens());
        row.put("costUsd", t.costUsd());
        row.put("p50Ms", t.p50Ms());
        row.put("p95Ms", t.p95Ms());
        return row;
    }

    /**
     * One SSE {@code data:} event per stored trace. Each client has its own bounded buffer drained by this
     * (virtual) request thread, so a slow client can never hold up the trace writer.
     */
    private void stream(Context ctx) {
        BlockingQueue<Trace> pending = new LinkedBlockingQueue<>(STREAM_BUFFER);
        AutoCloseable subscription = feed.subscribe(trace -> {
            if (!pending.offer(trace)) {
                LOG.warn("A live trace stream client is too slow; a trace was skipped for it");
            }
        });
        try (subscription) {
            SseWriter client = SseWriter.open(ctx);
            client.comment("connected");
            while (true) {
                Trace trace = pending.poll(KEEP_ALIVE.toMillis(), TimeUnit.MILLISECONDS);
                if (trace == null) {
                    client.comment("keep-alive");
                } else {
                    client.data(Json.write(trace));
                }
            }
        } catch (SseWriter.ClientGoneException e) {
            LOG.debug("A live trace stream client left");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            LOG.warn("Live trace stream ended unexpectedly", e);
        }
    }

    private static void json(Context ctx, Object body) {
        ctx.contentType("application/json").result(Json.writeBytes(body));
    }

    /** Reads the admin API's query parameters. */
    static final class AdminQueries {
        private AdminQueries() {
        }

        static TraceQuery traceQuery(Context ctx) {
            String metadata = ctx.queryParam("metadata");
            String metaKey = null;
            String metaValue = null;
            if (metadata != null && !metadata.isBlank()) {
                int eq = metadata.indexOf('=');
                metaKey = eq < 0 ? metadata.trim() : metadata.substring(0, eq).trim();
                metaValue = eq < 0 ? null : metadata.substring(eq + 1).trim();
            }
            return new TraceQuery(integer(ctx, "limit"), ctx.queryParam("cursor"), ctx.queryParam("provider"),
                    ctx.queryParam("model"), ctx.queryParam("status"), ctx.queryParam("q"), ctx.queryParam("prompt"),
                    instant(ctx, "from", null), instant(ctx, "to", null), metaKey, metaValue,
                    longValue(ctx, "minDurationMs"), decimal(ctx, "minCostUsd"));
        }

        static Instant instant(Context ctx, String name, Instant fallback) {
            String value = ctx.queryParam(name);
            if (value == null || value.isBlank()) {
                return fallback;
            }
            try {
                return value.chars().allMatch(Character::isDigit) ? Instant.ofEpochMilli(Long.parseLong(value))
                        : Instant.parse(value);
            } catch (DateTimeParseException | NumberFormatException e) {
                throw GatewayException.badRequest(name,
                        name + " must be an ISO-8601 instant (2026-01-31T12:00:00Z) or epoch milliseconds");
            }
        }

        private static Integer integer(Context ctx, String name) {
            Long value = longValue(ctx, name);
            return value == null ? null : (int) Math.min(Integer.MAX_VALUE, value);
        }

        static Long longValue(Context ctx, String name) {
            String value = ctx.queryParam(name);
            if (value == null || value.isBlank()) {
                return null;
            }
            try {
                return Long.parseLong(value.trim());
            } catch (NumberFormatException e) {
                throw GatewayException.badRequest(name, name + " must be a whole number");
            }
        }

        private static BigDecimal decimal(Context ctx, String name) {
            String value = ctx.queryParam(name);
            if (value == null || value.isBlank()) {
                return null;
            }
            try {
                return new BigDecimal(value.trim());
            } catch (NumberFormatException e) {
                throw GatewayException.badRequest(name, name + " must be a number");
            }
        }
    }
}
