package dev.switchboard.gateway.telemetry;

import dev.switchboard.gateway.Json;
import dev.switchboard.gateway.store.Database;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Routes for operators, without the admin token (like {@code /health}): {@code /ready} says whether the database
 * answers and is migrated, {@code /metrics} serves Prometheus metrics. Neither reveals prompts, keys or traces.
 */
public final class OpsRoutes {
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(3);
    private static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

    private final Database database;
    private final GatewayMetrics metrics;

    public OpsRoutes(Database database, GatewayMetrics metrics) {
        this.database = database;
        this.metrics = metrics;
    }

    public void register(RoutesConfig routes) {
        routes.get("/ready", this::ready);
        routes.get("/metrics", ctx -> ctx.contentType(PROMETHEUS_TEXT).result(metrics.scrape()));
    }

    private void ready(Context ctx) throws InterruptedException {
        String reason;
        // Bounded: a probe must answer even when the database hangs instead of refusing.
        CompletableFuture<String> check = CompletableFuture.supplyAsync(database::notReadyReason,
                task -> Thread.ofVirtual().name("switchboard-ready").start(task));
        try {
            reason = check.get(READY_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            reason = "the database did not answer within " + READY_TIMEOUT.toSeconds() + " s";
        } catch (ExecutionException e) {
            reason = "readiness check failed: " + e.getCause().getMessage();
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", reason == null ? "ready" : "not ready");
        if (reason != null) {
            body.put("reason", reason);
        }
        ctx.status(reason == null ? 200 : 503).contentType("application/json").result(Json.writeBytes(body));
    }
}
