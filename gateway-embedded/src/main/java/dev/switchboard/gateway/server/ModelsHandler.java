package dev.switchboard.gateway.server;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.gateway.GatewayException;
import dev.switchboard.gateway.Json;
import dev.switchboard.gateway.cost.PriceTable;
import dev.switchboard.gateway.provider.UpstreamClient;
import dev.switchboard.gateway.provider.UpstreamRequest;
import dev.switchboard.gateway.routing.Route;
import dev.switchboard.gateway.routing.RouteNode;
import dev.switchboard.gateway.routing.RouteResolver;
import dev.switchboard.gateway.routing.RoutingConfig;
import io.javalin.http.Context;
import java.io.IOException;
import okhttp3.Response;

/**
 * {@code GET /v1/models}: with a provider named (header or config) the provider's own list, translated to
 * OpenAI's shape; without one, every model the gateway has a price for, so clients can discover names.
 */
final class ModelsHandler {
    private final RouteResolver routes;
    private final UpstreamClient upstream;
    private final PriceTable prices;

    ModelsHandler(RouteResolver routes, UpstreamClient upstream, PriceTable prices) {
        this.routes = routes;
        this.upstream = upstream;
        this.prices = prices;
    }

    void handle(Context ctx) {
        try {
            if (ctx.header("x-portkey-provider") == null && ctx.header("x-portkey-config") == null) {
                Responses.json(ctx, 200, knownModels());
                return;
            }
            RoutingConfig config = routes.config(ctx::header, null);
            if (!(config.root() instanceof RouteNode.TargetNode target)) {
                throw GatewayException.badRequest("x-portkey-config",
                        "Listing models needs a single target, not a routing strategy");
            }
            Route route = routes.route(target, ctx::header);
            ctx.header("x-portkey-provider", route.target().provider());
            UpstreamRequest call = route.adapter().modelsRequest(route.target());
            try (Response response = upstream.open(call, route.timeout(), false)) {
                byte[] bytes = response.body().bytes();
                if (!response.isSuccessful()) {
                    throw UpstreamAttempts.upstreamError(response, bytes);
                }
                Responses.json(ctx, 200, route.adapter().modelsResponse(Json.read(bytes)));
            } catch (IOException e) {
                throw UpstreamClient.failure(e, route.timeout());
            }
        } catch (GatewayException e) {
            Responses.error(ctx, e);
        }
    }

    private ObjectNode knownModels() {
        ObjectNode list = Json.object();
        list.put("object", "list");
        ArrayNode data = list.putArray("data");
        for (String name : prices.modelNames()) {
            ObjectNode model = data.addObject();
            model.put("id", name);
            model.put("object", "model");
            model.put("created", 0);
            model.put("owned_by", RouteResolver.inferProvider(name));
        }
        return list;
    }
}
