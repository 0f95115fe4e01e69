package dev.switchboard.gateway.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.gateway.GatewayException;
import dev.switchboard.gateway.keys.ApiKey;
import dev.switchboard.gateway.keys.ApiKeyStore;
import dev.switchboard.gateway.keys.GatewaySettings;
import dev.switchboard.gateway.keys.UsageCounters;
import dev.switchboard.gateway.keys.UsageCounters.Period;
import dev.switchboard.gateway.keys.VirtualKeyStore;
import dev.switchboard.gateway.provider.ProviderCatalog;
import dev.switchboard.gateway.routing.CircuitBreakers;
import dev.switchboard.gateway.routing.ConfigStore;
import dev.switchboard.gateway.routing.VirtualKeyTester.KeyCheck;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * The admin API for routing and governance: saved configs (versioned), virtual keys (secrets never returned),
 * gateway API keys (secret shown once) with their usage, gateway settings and circuit states.
 */
public final class GovernanceRoutes {
    private final ConfigStore configs;
    private final VirtualKeyStore virtualKeys;
    private final ApiKeyStore apiKeys;
    private final UsageCounters usage;
    private final GatewaySettings settings;
    private final CircuitBreakers circuits;
    private final ProviderCatalog catalog;
    private final Function<String, KeyCheck> keyTester;
    private final Clock clock;

    public GovernanceRoutes(ConfigStore configs, VirtualKeyStore virtualKeys, ApiKeyStore apiKeys,
                            UsageCounters usage, GatewaySettings settings, CircuitBreakers circuits,
                            ProviderCatalog catalog, Function<String, KeyCheck> keyTester, Clock clock) {
        this.configs = configs;
        this.virtualKeys = virtualKeys;
        this.apiKeys = apiKeys;
        this.usage = usage;
        this.settings = settings;
        this.circuits = circuits;
        this.catalog = catalog;
        this.keyTester = keyTester;
        this.clock = clock;
    }

    public void register(RoutesConfig routes) {
        routes.get("/admin/configs", ctx -> json(ctx, 200, Map.of("items", configs.listLatest())));
        routes.post("/admin/configs", this::saveConfig);
        routes.get("/admin/configs/{id}", ctx -> json(ctx, 200, Map.of("versions",
                configs.versions(ctx.pathParam("id")))));
        routes.put("/admin/configs/{id}", this::saveConfig);
        routes.post("/admin/configs/{id}/versions/{version}/restore", ctx -> json(ctx, 201,
                configs.restore(ctx.pathParam("id"), version(ctx), author(ctx))));
        routes.delete("/admin/configs/{id}", ctx -> {
            configs.delete(ctx.pathParam("id"));
            ctx.status(204);
        });

        routes.get("/admin/virtual-keys", ctx -> json(ctx, 200, Map.of("items", virtualKeys.list())));
        routes.post("/admin/virtual-keys", this::createVirtualKey);
        routes.get("/admin/virtual-keys/{id}", ctx -> json(ctx, 200, virtualKeys.info(ctx.pathParam("id"))
                .orElseThrow(() -> GatewayException.notFound("No virtual key '" + ctx.pathParam("id") + "'"))));
        routes.put("/admin/virtual-keys/{id}", this::updateVirtualKey);
        routes.delete("/admin/virtual-keys/{id}", ctx -> {
            virtualKeys.delete(ctx.pathParam("id"));
            ctx.status(204);
        });
        routes.post("/admin/virtual-keys/{id}/test", ctx -> json(ctx, 200, keyTester.apply(ctx.pathParam("id"))));

        routes.get("/admin/api-keys", ctx -> json(ctx, 200, Map.of("items",
                apiKeys.list().stream().map(this::withUsage).toList())));
        routes.post("/admin/api-keys", this::createApiKey);
        routes.get("/admin/api-keys/{id}", ctx -> json(ctx, 200, withUsage(apiKeys.get(ctx.pathParam("id"))
                .orElseThrow(() -> GatewayException.notFound("No API key '" + ctx.pathParam("id") + "'")))));
        routes.put("/admin/api-keys/{id}", this::updateApiKey);
        routes.delete("/admin/api-keys/{id}", ctx -> json(ctx, 200, withUsage(apiKeys.revoke(ctx.pathParam("id")))));

        routes.get("/admin/settings", ctx -> json(ctx, 200, Map.of("require_api_keys", settings.requireApiKeys())));
        routes.put("/admin/settings", this::updateSettings);
        routes.get("/admin/circuits", ctx -> json(ctx, 200, Map.of("items", circuits.snapshot())));
    }

    private void saveConfig(Context ctx) {
        ObjectNode body = AdminFields.body(ctx);
        String id = ctx.pathParamMap().containsKey("id") ? ctx.pathParam("id") : AdminFields.text(body, "id", true);
        JsonNode config = body.get("config");
        if (config == null || !config.isObject()) {
            throw GatewayException.badRequest("config", "Send {\"id\": …, \"config\": {…a Portkey config…}}");
        }
        json(ctx, 201, configs.save(id, config, author(ctx)));
    }

    private void createVirtualKey(Context ctx) {
        ObjectNode body = AdminFields.body(ctx);
        String provider = AdminFields.text(body, "provider", true).toLowerCase(Locale.ROOT);
        if (catalog.find(provider).isEmpty()) {
            throw GatewayException.badRequest("provider", "Unknown provider '" + provider + "'; known: "
                    + String.join(", ", catalog.names()));
        }
        json(ctx, 201, virtualKeys.create(new VirtualKeyStore.NewVirtualKey(AdminFields.text(body, "id", false),
                AdminFields.text(body, "name", true), provider, AdminFields.text(body, "api_key", true),
                AdminFields.url(body, "custom_host"), AdminFields.options(body))));
    }

    /** Fields left out stay as they are; {@code "custom_host": null} removes the custom host. */
    private void updateVirtualKey(Context ctx) {
        ObjectNode body = AdminFields.body(ctx);
        json(ctx, 200, virtualKeys.update(ctx.pathParam("id"), new VirtualKeyStore.VirtualKeyChange(
                AdminFields.text(body, "name", false), AdminFields.text(body, "api_key", false),
                body.has("custom_host"), AdminFields.url(body, "custom_host"),
                body.has("options") ? AdminFields.options(body) : null)));
    }

    private void createApiKey(Context ctx) {
        ObjectNode body = AdminFields.body(ctx);
        ApiKeyStore.CreatedKey created = apiKeys.create(AdminFields.text(body, "name", true), AdminFields.text(body, "team", false),
                limits(body));
        ObjectNode answer = withUsage(created.key());
        answer.put("key", created.secret());
        json(ctx, 201, answer);
    }

    private void updateApiKey(Context ctx) {
        ObjectNode body = AdminFields.body(ctx);
        json(ctx, 200, withUsage(apiKeys.update(ctx.pathParam("id"), AdminFields.text(body, "name", false),
                AdminFields.text(body, "team", false), limits(body))));
    }

    private void updateSettings(Context ctx) {
        JsonNode required = AdminFields.body(ctx).get("require_api_keys");
        if (required == null || !required.isBoolean()) {
            throw GatewayException.badRequest("require_api_keys", "Send {\"require_api_keys\": true|false}");
        }
        settings.requireApiKeys(required.asBoolean());
        json(ctx, 200, Map.of("require_api_keys", settings.requireApiKeys()));
    }

    /** A key with what it used this minute, today and this month, so limits can be read against usage. */
    private ObjectNode withUsage(ApiKey key) {
        Instant now = clock.instant();
        ObjectNode json = AdminJson.snakeCaseObject(key);
        json.set("usage", AdminJson.snakeCaseObject(Map.of(
                "minute", usage.usage(key.id(), Period.MINUTE.key(now)),
                "day", usage.usage(key.id(), Period.DAY.key(now)),
                "month", usage.usage(key.id(), Period.MONTH.key(now)))));
        return json;
    }

    private static ApiKeyStore.Limits limits(ObjectNode body) {
        return new ApiKeyStore.Limits(AdminFields.strings(body, "allowed_models"),
                AdminFields.positiveInt(body, "requests_per_minute"), AdminFields.positiveInt(body, "tokens_per_minute"),
                AdminFields.money(body, "budget_day_usd"), AdminFields.money(body, "budget_month_usd"));
    }

    private static int version(Context ctx) {
        try {
            return Integer.parseInt(ctx.pathParam("version"));
        } catch (NumberFormatException e) {
            throw GatewayException.badRequest("version", "A version is a whole number, e.g. 3");
        }
    }

    private static String author(Context ctx) {
        String user = ctx.header("x-switchboard-user");
        return user == null || user.isBlank() ? "admin" : user.trim();
    }

    /** Admin answers here use snake_case, like the configs and the prompt API. */
    private static void json(Context ctx, int status, Object body) {
        ctx.status(status).contentType("application/json").result(AdminJson.snakeCase(body));
    }
}
