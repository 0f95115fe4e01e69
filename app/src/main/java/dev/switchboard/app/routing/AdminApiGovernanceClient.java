package dev.switchboard.app.routing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.app.connection.AdminHttp;
import dev.switchboard.gateway.Json;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;

/**
 * {@link GovernanceClient} over a gateway's admin HTTP API ({@code /admin/configs}, {@code /admin/virtual-keys},
 * {@code /admin/api-keys}, {@code /admin/settings}, {@code /admin/circuits}), for the embedded gateway on loopback
 * and for a remote one alike, through {@link AdminHttp}. Request bodies carry secrets, so nothing here logs them.
 */
public final class AdminApiGovernanceClient implements GovernanceClient {
    private final AdminHttp admin;

    /** With an OkHttp client of its own: for tools and tests. The app passes its one shared client. */
    public AdminApiGovernanceClient(String baseUrl, String adminToken) {
        this(baseUrl, adminToken, new OkHttpClient());
    }

    /**
     * @param baseUrl the gateway's root, e.g. {@code http://127.0.0.1:8787}
     * @param http    one shared client; this class only builds requests on it
     */
    public AdminApiGovernanceClient(String baseUrl, String adminToken, OkHttpClient http) {
        this.admin = new AdminHttp(baseUrl, adminToken, http, "routing and keys",
                (status, message, cause) -> cause == null ? new GovernanceException(status, message)
                        : new GovernanceException(message, cause));
    }

    @Override
    public String baseUrl() {
        return admin.baseUrl();
    }

    @Override
    public List<VirtualKey> virtualKeys() {
        return items(call("GET", null, "admin", "virtual-keys"), AdminApiGovernanceClient::virtualKey);
    }

    @Override
    public VirtualKey createVirtualKey(NewVirtualKey key) {
        ObjectNode body = Json.object().put("name", key.name()).put("provider", key.provider())
                .put("api_key", key.apiKey());
        putIfPresent(body, "id", key.id());
        putIfPresent(body, "custom_host", key.customHost());
        return virtualKey(call("POST", body, "admin", "virtual-keys"));
    }

    @Override
    public VirtualKey rotateVirtualKey(String id, String apiKey) {
        return virtualKey(call("PUT", Json.object().put("api_key", apiKey), "admin", "virtual-keys", id));
    }

    @Override
    public void deleteVirtualKey(String id) {
        call("DELETE", null, "admin", "virtual-keys", id);
    }

    @Override
    public KeyCheck testVirtualKey(String id) {
        JsonNode answer = call("POST", Json.object(), "admin", "virtual-keys", id, "test");
        JsonNode status = answer.path("status");
        return new KeyCheck(answer.path("ok").asBoolean(), status.isNumber() ? status.asInt() : null,
                answer.path("message").asText(""));
    }

    @Override
    public List<ApiKey> apiKeys() {
        return items(call("GET", null, "admin", "api-keys"), AdminApiGovernanceClient::apiKey);
    }

    @Override
    public CreatedApiKey createApiKey(NewApiKey key) {
        ObjectNode body = Json.object().put("name", key.name());
        putIfPresent(body, "team", key.team());
        if (!key.allowedModels().isEmpty()) {
            ArrayNode models = body.putArray("allowed_models");
            key.allowedModels().forEach(models::add);
        }
        if (key.requestsPerMinute() != null) {
            body.put("requests_per_minute", key.requestsPerMinute());
        }
        if (key.tokensPerMinute() != null) {
            body.put("tokens_per_minute", key.tokensPerMinute());
        }
        if (key.budgetDayUsd() != null) {
            body.put("budget_day_usd", key.budgetDayUsd());
        }
        if (key.budgetMonthUsd() != null) {
            body.put("budget_month_usd", key.budgetMonthUsd());
        }
        JsonNode answer = call("POST", body, "admin", "api-keys");
        String secret = answer.path("key").asText(null);
        if (secret == null) {
            throw new GovernanceException(0, "The gateway created the key but sent no secret; revoke it and try again");
        }
        return new CreatedApiKey(apiKey(answer), secret);
    }

    @Override
    public ApiKey revokeApiKey(String id) {
        return apiKey(call("DELETE", null, "admin", "api-keys", id));
    }

    @Override
    public List<SavedConfig> configs() {
        return items(call("GET", null, "admin", "configs"), AdminApiGovernanceClient::savedConfig);
    }

    @Override
    public SavedConfig createConfig(String id, String configJson) {
        ObjectNode body = Json.object().put("id", id);
        body.set("config", parseConfig(configJson));
        return savedConfig(call("POST", body, "admin", "configs"));
    }

    @Override
    public SavedConfig addConfigVersion(String id, String configJson) {
        ObjectNode body = Json.object();
        body.set("config", parseConfig(configJson));
        return savedConfig(call("PUT", body, "admin", "configs", id));
    }

    @Override
    public void deleteConfig(String id) {
        call("DELETE", null, "admin", "configs", id);
    }

    @Override
    public boolean requireApiKeys() {
        return call("GET", null, "admin", "settings").path("require_api_keys").asBoolean();
    }

    @Override
    public boolean setRequireApiKeys(boolean required) {
        return call("PUT", Json.object().put("require_api_keys", required), "admin", "settings")
                .path("require_api_keys").asBoolean();
    }

    @Override
    public List<Circuit> circuits() {
        return items(call("GET", null, "admin", "circuits"), node -> new Circuit(node.path("target").asText(),
                node.path("state").asText(), node.path("consecutive_failures").asInt(),
                instant(node.path("open_until"))));
    }

    private static VirtualKey virtualKey(JsonNode node) {
        return new VirtualKey(node.path("id").asText(), node.path("name").asText(), node.path("provider").asText(),
                node.path("key_hint").asText(""), text(node.path("custom_host")), instant(node.path("created_at")),
                instant(node.path("updated_at")));
    }

    private static ApiKey apiKey(JsonNode node) {
        List<String> models = new ArrayList<>();
        field(node, "allowed_models").forEach(m -> models.add(m.asText()));
        JsonNode usage = node.path("usage");
        return new ApiKey(node.path("id").asText(), node.path("name").asText(), text(node.path("team")),
                node.path("prefix").asText(""), models, integer(field(node, "requests_per_minute")),
                integer(field(node, "tokens_per_minute")), money(field(node, "budget_day_usd")),
                money(field(node, "budget_month_usd")), instant(field(node, "created_at")),
                instant(field(node, "revoked_at")), usage(usage.path("day")), usage(usage.path("month")));
    }

    /**
     * A snake_case field, or its camelCase spelling: the gateway's API key answers (made from a map with usage
     * added) currently spell the key's own fields in camelCase.
     */
    static JsonNode field(JsonNode node, String snakeCase) {
        JsonNode value = node.get(snakeCase);
        if (value != null) {
            return value;
        }
        StringBuilder camel = new StringBuilder();
        boolean upper = false;
        for (char c : snakeCase.toCharArray()) {
            if (c == '_') {
                upper = true;
            } else {
                camel.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return node.path(camel.toString());
    }

    private static Usage usage(JsonNode node) {
        if (!node.isObject()) {
            return Usage.NONE;
        }
        BigDecimal cost = money(node.path("cost_usd"));
        BigDecimal reserved = money(node.path("reserved_usd"));
        return new Usage(node.path("requests").asLong(), node.path("tokens").asLong(),
                cost == null ? BigDecimal.ZERO : cost, reserved == null ? BigDecimal.ZERO : reserved);
    }

    private static SavedConfig savedConfig(JsonNode node) {
        String pretty;
        try {
            pretty = Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(node.path("config"));
        } catch (JsonProcessingException e) {
            throw new GovernanceException(0, "The gateway sent a config that cannot be shown");
        }
        return new SavedConfig(node.path("id").asText(), node.path("version").asInt(), pretty,
                instant(node.path("created_at")), text(node.path("created_by")));
    }

    /** The editor's text as JSON; the ViewModel checks it first, so this only guards direct callers. */
    private static JsonNode parseConfig(String configJson) {
        try {
            return Json.MAPPER.readTree(configJson);
        } catch (JsonProcessingException e) {
            throw new GovernanceException(0, "The config is not valid JSON: " + e.getOriginalMessage());
        }
    }

    private JsonNode call(String method, JsonNode body, String... segments) {
        HttpUrl.Builder url = admin.url();
        for (String segment : segments) {
            url.addPathSegment(segment);
        }
        return admin.json(method, url.build(), body);
    }

    private static <T> List<T> items(JsonNode answer, Function<JsonNode, T> read) {
        List<T> items = new ArrayList<>();
        answer.path("items").forEach(node -> items.add(read.apply(node)));
        return List.copyOf(items);
    }

    private static void putIfPresent(ObjectNode body, String field, String value) {
        if (value != null && !value.isBlank()) {
            body.put(field, value.trim());
        }
    }

    private static String text(JsonNode node) {
        return node.isTextual() && !node.asText().isBlank() ? node.asText() : null;
    }

    private static Integer integer(JsonNode node) {
        return node.isNumber() ? node.asInt() : null;
    }

    private static BigDecimal money(JsonNode node) {
        return node.isNumber() ? node.decimalValue().stripTrailingZeros() : null;
    }

    private static Instant instant(JsonNode node) {
        if (node.isTextual()) {
            return Instant.parse(node.asText());
        }
        return node.isNumber() ? Instant.ofEpochMilli(node.asLong()) : null;
    }
}
