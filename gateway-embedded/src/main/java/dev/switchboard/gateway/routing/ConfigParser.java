package dev.switchboard.gateway.routing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.gateway.GatewayException;
import dev.switchboard.gateway.Json;
import dev.switchboard.gateway.guardrails.GuardrailParser;
import dev.switchboard.gateway.provider.ProviderCatalog;
import dev.switchboard.gateway.routing.RouteNode.Condition;
import dev.switchboard.gateway.routing.RouteNode.Mode;
import dev.switchboard.gateway.routing.RouteNode.StrategyNode;
import dev.switchboard.gateway.routing.RouteNode.TargetNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads a Portkey-format config into a {@link RoutingConfig}, checking everything up front so a bad config is a
 * 400 naming the JSON path and the problem, never a failure halfway through a request. {@code retry},
 * {@code request_timeout} and {@code override_params} are inherited by nested targets (children override).
 */
public final class ConfigParser {
    private static final String ROOT = "config";

    private final ProviderCatalog catalog;
    private final GuardrailParser guardrails = new GuardrailParser();

    public ConfigParser(ProviderCatalog catalog) {
        this.catalog = catalog;
    }

    /** Inherited settings on the way down the tree. */
    private record Inherited(RetryPolicy retry, Duration timeout, ObjectNode overrideParams) {
    }

    public RoutingConfig parse(JsonNode config, Duration defaultTimeout) {
        if (!config.isObject()) {
            throw invalid(ROOT, "must be a JSON object");
        }
        CachePolicy cache = cache(config.get("cache"));
        RouteNode root = node(config, ROOT, new Inherited(RetryPolicy.NONE, defaultTimeout, Json.object()));
        return new RoutingConfig(root, cache, guardrails.parse(config), true);
    }

    private RouteNode node(JsonNode node, String path, Inherited parent) {
        if (!node.isObject()) {
            throw invalid(path, "must be a JSON object");
        }
        Inherited inherited = new Inherited(
                node.has("retry") ? retry(node.get("retry"), path + ".retry") : parent.retry(),
                node.has("request_timeout") ? timeout(node.get("request_timeout"), path + ".request_timeout")
                        : parent.timeout(),
                merge(parent.overrideParams(), node.get("override_params"), path + ".override_params"));
        String name = optionalText(node, "name", path);
        double weight = weight(node, path);
        if (!node.has("targets")) {
            return target((ObjectNode) node, path, name, weight, inherited);
        }
        JsonNode targetsNode = node.get("targets");
        if (!targetsNode.isArray() || targetsNode.isEmpty()) {
            throw invalid(path + ".targets", "must be a non-empty array");
        }
        List<RouteNode> targets = new ArrayList<>();
        for (int i = 0; i < targetsNode.size(); i++) {
            targets.add(node(targetsNode.get(i), path + ".targets[" + i + "]", inherited));
        }
        JsonNode strategy = node.path("strategy");
        Mode mode = mode(strategy, path + ".strategy");
        Set<Integer> onStatusCodes = strategy.has("on_status_codes")
                ? statusCodes(strategy.get("on_status_codes"), path + ".strategy.on_status_codes") : null;
        List<Condition> conditions = mode == Mode.CONDITIONAL
                ? conditions(strategy, path + ".strategy", targets) : List.of();
        String defaultTarget = optionalText(strategy, "default", path + ".strategy");
        if (defaultTarget != null) {
            requireTargetNamed(defaultTarget, targets, path + ".strategy.default");
        }
        if (mode == Mode.LOADBALANCE && targets.stream().mapToDouble(RouteNode::weight).sum() <= 0) {
            throw invalid(path + ".targets", "loadbalance needs at least one target with a weight above 0");
        }
        return new StrategyNode(path, name, weight, mode, onStatusCodes, conditions, defaultTarget, targets);
    }

    private TargetNode target(ObjectNode node, String path, String name, double weight, Inherited inherited) {
        String provider = optionalText(node, "provider", path);
        String virtualKey = optionalText(node, "virtual_key", path);
        if (provider == null && virtualKey == null) {
            throw invalid(path, "a target needs a provider or a virtual_key (or targets, for a strategy)");
        }
        if (provider != null && catalog.find(provider.toLowerCase(Locale.ROOT)).isEmpty()) {
            throw invalid(path + ".provider", "unknown provider '" + provider + "'; known: "
                    + String.join(", ", catalog.names()));
        }
        Map<String, String> options = new HashMap<>();
        putOption(options, "azure-resource-name", optionalText(node, "resource_name", path));
        putOption(options, "azure-deployment-id", optionalText(node, "deployment_id", path));
        putOption(options, "azure-api-version", optionalText(node, "api_version", path));
        return new TargetNode(path, name, weight, provider == null ? null : provider.toLowerCase(Locale.ROOT),
                optionalText(node, "api_key", path), virtualKey, optionalText(node, "custom_host", path), options,
                inherited.overrideParams(), inherited.retry(), inherited.timeout());
    }

    private static Mode mode(JsonNode strategy, String path) {
        if (strategy.isMissingNode()) {
            return Mode.SINGLE;
        }
        String mode = strategy.path("mode").asText("");
        try {
            return Mode.valueOf(mode.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw invalid(path + ".mode", "must be single, fallback, loadbalance or conditional, got '" + mode + "'");
        }
    }

    private static List<Condition> conditions(JsonNode strategy, String path, List<RouteNode> targets) {
        JsonNode conditions = strategy.get("conditions");
        if (conditions == null || !conditions.isArray() || conditions.isEmpty()) {
            throw invalid(path + ".conditions", "conditional routing needs a non-empty conditions array");
        }
        List<Condition> parsed = new ArrayList<>();
        for (int i = 0; i < conditions.size(); i++) {
            String at = path + ".conditions[" + i + "]";
            JsonNode condition = conditions.get(i);
            if (!condition.path("query").isObject()) {
                throw invalid(at + ".query", "must be a JSON object such as {\"metadata.plan\":{\"$eq\":\"paid\"}}");
            }
            ConditionQuery.validate(condition.get("query"), at + ".query");
            String then = optionalText(condition, "then", at);
            if (then == null) {
                throw invalid(at + ".then", "must name a target");
            }
            requireTargetNamed(then, targets, at + ".then");
            parsed.add(new Condition((ObjectNode) condition.get("query"), then));
        }
        return parsed;
    }

    private static void requireTargetNamed(String name, List<RouteNode> targets, String path) {
        if (targets.stream().noneMatch(t -> name.equals(t.name()))) {
            throw invalid(path, "no target is named '" + name + "'");
        }
    }

    private static RetryPolicy retry(JsonNode retry, String path) {
        if (!retry.isObject()) {
            throw invalid(path, "must be a JSON object such as {\"attempts\":3}");
        }
        JsonNode attemptsNode = retry.path("attempts");
        int attempts = attemptsNode.isMissingNode() ? 0 : attemptsNode.asInt(-1);
        if (!attemptsNode.isMissingNode() && (!attemptsNode.isIntegralNumber() || attempts < 0
                || attempts > RetryPolicy.MAX_ATTEMPTS)) {
            throw invalid(path + ".attempts", "must be a whole number from 0 to " + RetryPolicy.MAX_ATTEMPTS);
        }
        Set<Integer> codes = retry.has("on_status_codes")
                ? statusCodes(retry.get("on_status_codes"), path + ".on_status_codes")
                : RetryPolicy.DEFAULT_STATUS_CODES;
        JsonNode useRetryAfter = retry.path("use_retry_after_header");
        if (!useRetryAfter.isMissingNode() && !useRetryAfter.isBoolean()) {
            throw invalid(path + ".use_retry_after_header", "must be true or false");
        }
        return new RetryPolicy(attempts, codes, useRetryAfter.asBoolean(false));
    }

    private static CachePolicy cache(JsonNode cache) {
        if (cache == null || cache.isNull()) {
            return null;
        }
        String path = ROOT + ".cache";
        if (!cache.isObject()) {
            throw invalid(path, "must be a JSON object such as {\"mode\":\"simple\",\"max_age\":3600}");
        }
        String mode = cache.path("mode").asText("simple");
        if ("semantic".equals(mode)) {
            throw new GatewayException(400, "invalid_request_error", "unsupported", path + ".mode",
                    "Semantic caching is not supported yet; use {\"mode\":\"simple\"}");
        }
        if (!"simple".equals(mode)) {
            throw invalid(path + ".mode", "must be simple (or semantic, not supported yet)");
        }
        JsonNode maxAge = cache.get("max_age");
        if (maxAge == null) {
            return new CachePolicy(CachePolicy.DEFAULT_MAX_AGE);
        }
        if (!maxAge.isIntegralNumber() || maxAge.asLong() <= 0) {
            throw invalid(path + ".max_age", "must be a positive number of seconds");
        }
        return new CachePolicy(Duration.ofSeconds(maxAge.asLong()));
    }

    private static Set<Integer> statusCodes(JsonNode codes, String path) {
        if (!codes.isArray()) {
            throw invalid(path, "must be an array of HTTP status codes");
        }
        Set<Integer> parsed = new LinkedHashSet<>();
        for (JsonNode code : codes) {
            if (!code.isIntegralNumber() || code.asInt() < 100 || code.asInt() > 599) {
                throw invalid(path, "must hold HTTP status codes (100-599), found " + code);
            }
            parsed.add(code.asInt());
        }
        return parsed;
    }

    private static Duration timeout(JsonNode value, String path) {
        if (!value.isIntegralNumber() || value.asLong() <= 0) {
            throw invalid(path, "must be a positive number of milliseconds");
        }
        return Duration.ofMillis(value.asLong());
    }

    private static double weight(JsonNode node, String path) {
        JsonNode weight = node.get("weight");
        if (weight == null) {
            return 1;
        }
        if (!weight.isNumber() || weight.asDouble() < 0) {
            throw invalid(path + ".weight", "must be a number of at least 0");
        }
        return weight.asDouble();
    }

    private static ObjectNode merge(ObjectNode inherited, JsonNode own, String path) {
        if (own == null || own.isNull()) {
            return inherited;
        }
        if (!own.isObject()) {
            throw invalid(path, "must be a JSON object of request parameters");
        }
        ObjectNode merged = inherited.deepCopy();
        merged.setAll((ObjectNode) own);
        return merged;
    }

    private static String optionalText(JsonNode node, String field, String path) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual() || value.asText().isBlank()) {
            throw invalid(path + "." + field, "must be a non-empty string");
        }
        return value.asText();
    }

    private static void putOption(Map<String, String> options, String key, String value) {
        if (value != null) {
            options.put(key, value);
        }
    }

    static GatewayException invalid(String path, String problem) {
        return GatewayException.badRequest(path, "Invalid config at " + path + ": " + problem);
    }
}
