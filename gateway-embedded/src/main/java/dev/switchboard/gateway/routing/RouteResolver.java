package dev.switchboard.gateway.routing;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.gateway.GatewayException;
import dev.switchboard.gateway.Json;
import dev.switchboard.gateway.provider.ProviderCatalog;
import dev.switchboard.gateway.provider.ProviderCatalog.Provider;
import dev.switchboard.gateway.provider.Target;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Chooses the upstream from Portkey-compatible headers. Precedence: {@code x-portkey-config} (single-target form),
 * then {@code x-portkey-provider}, then the model name ({@code claude-*} is Anthropic, {@code gemini-*} Google,
 * anything else OpenAI). The key comes from the config's {@code api_key} or the caller's {@code Authorization}.
 */
public final class RouteResolver {
    public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(10);

    private final ProviderCatalog catalog;

    public RouteResolver(ProviderCatalog catalog) {
        this.catalog = catalog;
    }

    /**
     * @param header reads a request header by lower-case name, null when absent
     * @param model  the request's model, used only when nothing names the provider
     */
    public Route resolve(UnaryOperator<String> header, String model) {
        JsonNode config = singleTargetConfig(header.apply("x-portkey-config"));
        String providerName = firstNonBlank(text(config, "provider"), header.apply("x-portkey-provider"));
        if (providerName == null) {
            providerName = inferProvider(model);
        }
        Provider provider = catalog.require(providerName.trim().toLowerCase(Locale.ROOT));
        String apiKey = firstNonBlank(text(config, "api_key"), bearer(header.apply("authorization")));
        Map<String, String> options = azureOptions(header, config);
        String customHost = firstNonBlank(text(config, "custom_host"), header.apply("x-portkey-custom-host"));
        String baseUrl = baseUrl(provider, customHost, options);
        Duration timeout = timeout(firstNonBlank(text(config, "request_timeout"),
                header.apply("x-portkey-request-timeout")));
        return new Route(new Target(provider.name(), baseUrl, apiKey, options), provider.adapter(), timeout);
    }

    /** The provider a bare model name most likely belongs to. */
    public static String inferProvider(String model) {
        if (model != null) {
            String lower = model.toLowerCase(Locale.ROOT);
            if (lower.startsWith("claude")) {
                return "anthropic";
            }
            if (lower.startsWith("gemini") || lower.startsWith("models/gemini")) {
                return "google";
            }
        }
        return "openai";
    }

    private static JsonNode singleTargetConfig(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        JsonNode config;
        try {
            config = Json.read(raw);
        } catch (UncheckedIOException e) {
            throw GatewayException.badRequest("x-portkey-config",
                    "x-portkey-config is not valid JSON (saved config ids are not supported yet)");
        }
        if (!config.isObject()) {
            throw GatewayException.badRequest("x-portkey-config", "x-portkey-config must be a JSON object");
        }
        JsonNode targets = config.path("targets");
        if (targets.isMissingNode()) {
            return config;
        }
        String mode = config.path("strategy").path("mode").asText("single");
        if (!"single".equals(mode) || !targets.isArray() || targets.size() != 1) {
            throw GatewayException.unsupported("x-portkey-config: only the single-target form is supported "
                    + "(strategy mode '" + mode + "' with " + targets.size() + " targets)");
        }
        return targets.get(0);
    }

    private static Map<String, String> azureOptions(UnaryOperator<String> header, JsonNode config) {
        Map<String, String> options = new HashMap<>();
        putIfPresent(options, "azure-resource-name",
                firstNonBlank(text(config, "resource_name"), header.apply("x-portkey-azure-resource-name")));
        putIfPresent(options, "azure-deployment-id",
                firstNonBlank(text(config, "deployment_id"), header.apply("x-portkey-azure-deployment-id")));
        putIfPresent(options, "azure-api-version",
                firstNonBlank(text(config, "api_version"), header.apply("x-portkey-azure-api-version")));
        return options;
    }

    private static String baseUrl(Provider provider, String customHost, Map<String, String> options) {
        if (customHost != null) {
            return validHost(customHost);
        }
        if ("azure-openai".equals(provider.name()) && options.containsKey("azure-resource-name")) {
            return "https://" + options.get("azure-resource-name") + ".openai.azure.com/openai";
        }
        if (provider.defaultBaseUrl() == null) {
            throw GatewayException.badRequest("x-portkey-custom-host", "Provider '" + provider.name()
                    + "' needs x-portkey-custom-host (or x-portkey-azure-resource-name for Azure)");
        }
        return provider.defaultBaseUrl();
    }

    private static String validHost(String customHost) {
        String trimmed = customHost.trim();
        try {
            URI uri = URI.create(trimmed);
            if (uri.getHost() == null || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
                throw new IllegalArgumentException();
            }
        } catch (IllegalArgumentException e) {
            throw GatewayException.badRequest("x-portkey-custom-host",
                    "x-portkey-custom-host must be an http(s) URL such as http://127.0.0.1:9099/v1");
        }
        return trimmed.endsWith("/") ? trimmed.substring(0, trimmed.length() - 1) : trimmed;
    }

    private static Duration timeout(String raw) {
        if (raw == null) {
            return DEFAULT_TIMEOUT;
        }
        try {
            long millis = Long.parseLong(raw.trim());
            if (millis <= 0) {
                throw new NumberFormatException();
            }
            return Duration.ofMillis(millis);
        } catch (NumberFormatException e) {
            throw GatewayException.badRequest("x-portkey-request-timeout",
                    "x-portkey-request-timeout must be a positive number of milliseconds, got '" + raw + "'");
        }
    }

    private static String bearer(String authorization) {
        if (authorization == null) {
            return null;
        }
        String value = authorization.trim();
        return value.regionMatches(true, 0, "Bearer ", 0, 7) ? value.substring(7).trim() : value;
    }

    private static String text(JsonNode node, String field) {
        if (node == null) {
            return null;
        }
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static String firstNonBlank(String first, String second) {
        if (first != null && !first.isBlank()) {
            return first;
        }
        return second != null && !second.isBlank() ? second : null;
    }

    private static void putIfPresent(Map<String, String> map, String key, String value) {
        if (value != null) {
            map.put(key, value);
        }
    }
}
