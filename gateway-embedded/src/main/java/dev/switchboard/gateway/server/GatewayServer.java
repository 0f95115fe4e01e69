package dev.switchboard.gateway.server;

import dev.switchboard.gateway.GatewayException;
import dev.switchboard.gateway.admin.AdminRoutes;
import dev.switchboard.gateway.cost.PriceTable;
import dev.switchboard.gateway.provider.UpstreamClient;
import dev.switchboard.gateway.routing.RouteResolver;
import dev.switchboard.gateway.store.InvalidQueryException;
import io.javalin.Javalin;
import io.javalin.compression.CompressionStrategy;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.util.Map;
import java.util.function.Consumer;
import io.javalin.config.RoutesConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The gateway's HTTP side: routes, one place that maps every exception to an OpenAI error, graceful stop. */
public final class GatewayServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(GatewayServer.class);

    private final Javalin javalin;

    private GatewayServer(Javalin javalin) {
        this.javalin = javalin;
    }

    /**
     * Starts listening. {@code port} 0 picks a free port.
     *
     * @param extraRoutes further routes (admin API, prompts) registered after the proxy's
     */
    public static GatewayServer start(String host, int port, long maxRequestBytes, RouteResolver routes,
                                      UpstreamClient upstream, ProxyHandler proxy, PriceTable prices,
                                      AdminRoutes admin, Consumer<RoutesConfig> extraRoutes) {
        ModelsHandler models = new ModelsHandler(routes, upstream, prices);
        Javalin javalin = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.concurrency.useVirtualThreads = true;
            config.http.maxRequestSize = maxRequestBytes;
            // Compression would buffer SSE and costs CPU on small JSON answers.
            config.http.compressionStrategy = CompressionStrategy.NONE;
            config.jetty.host = host;
            config.jetty.port = port;
            config.routes.get("/health", ctx -> Responses.json(ctx, 200, Map.of("status", "ok")));
            config.routes.post("/v1/chat/completions", ctx -> proxy.handle(ctx, ProxyEndpoint.CHAT));
            config.routes.post("/v1/embeddings", ctx -> proxy.handle(ctx, ProxyEndpoint.EMBEDDINGS));
            config.routes.post("/v1/completions", ctx -> proxy.handle(ctx, ProxyEndpoint.COMPLETIONS));
            config.routes.get("/v1/models", models::handle);
            admin.register(config.routes);
            extraRoutes.accept(config.routes);
            config.routes.exception(GatewayException.class, (e, ctx) -> Responses.error(ctx, e));
            config.routes.exception(InvalidQueryException.class, (e, ctx) ->
                    Responses.error(ctx, GatewayException.badRequest(e.param(), e.getMessage())));
            config.routes.exception(HttpResponseException.class, GatewayServer::frameworkError);
            config.routes.exception(Exception.class, GatewayServer::unexpected);
            config.routes.error(404, GatewayServer::notFound);
        });
        javalin.start();
        return new GatewayServer(javalin);
    }

    private static void frameworkError(HttpResponseException e, Context ctx) {
        String type = e.getStatus() == 413 ? "request_too_large" : "invalid_request_error";
        String message = e.getStatus() == 413
                ? "The request body is larger than this gateway accepts" : e.getMessage();
        Responses.error(ctx, new GatewayException(e.getStatus(), type, null, null, message));
    }

    private static void unexpected(Exception e, Context ctx) {
        LOG.error("Unexpected error on {} {}", ctx.method(), ctx.path(), e);
        Responses.error(ctx, new GatewayException(500, "server_error", "internal_error", null,
                "The gateway failed to handle this request; see its log for details"));
    }

    private static void notFound(Context ctx) {
        if (ctx.result() == null) {
            Responses.error(ctx, GatewayException.notFound("No route for " + ctx.method() + " " + ctx.path()));
        }
    }

    public int port() {
        return javalin.port();
    }

    /** Stops accepting connections and lets requests in flight finish. */
    @Override
    public void close() {
        javalin.stop();
    }
}
