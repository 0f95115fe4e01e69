package dev.switchboard.gateway.routing;

import dev.switchboard.gateway.GatewayException;
import dev.switchboard.gateway.Json;
import dev.switchboard.gateway.provider.UpstreamClient;
import dev.switchboard.gateway.provider.UpstreamErrors;
import dev.switchboard.gateway.routing.RouteNode.TargetNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.function.Function;
import okhttp3.Response;

/** Checks that a virtual key works by listing the provider's models with it (a call that costs nothing). */
public final class VirtualKeyTester implements Function<String, VirtualKeyTester.KeyCheck> {

    /** The answer of a virtual key's connection test. */
    public record KeyCheck(boolean ok, Integer status, String message) {
    }

    private static final Duration TIMEOUT = Duration.ofSeconds(15);

    private final RouteResolver routes;
    private final UpstreamClient upstream;

    public VirtualKeyTester(RouteResolver routes, UpstreamClient upstream) {
        this.routes = routes;
        this.upstream = upstream;
    }

    @Override
    public KeyCheck apply(String virtualKeyId) {
        TargetNode target = new TargetNode("virtual-key", null, 1, null, null, virtualKeyId, null, Map.of(),
                Json.object(), RetryPolicy.NONE, TIMEOUT);
        Route route = routes.route(target, header -> null);
        try (Response response = upstream.open(route.adapter().modelsRequest(route.target()), TIMEOUT, false)) {
            if (response.isSuccessful()) {
                return new KeyCheck(true, response.code(), "The provider accepted the key");
            }
            String body = new String(response.body().bytes(), StandardCharsets.UTF_8);
            return new KeyCheck(false, response.code(), UpstreamErrors.message(response.code(), body));
        } catch (GatewayException e) {
            return new KeyCheck(false, e.status(), e.getMessage());
        } catch (IOException e) {
            return new KeyCheck(false, null, UpstreamClient.failure(e, TIMEOUT).getMessage());
        }
    }
}
