package dev.switchboard.gateway.routing;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.gateway.GatewayException;
import dev.switchboard.gateway.Json;
import dev.switchboard.gateway.guardrails.GuardrailSet;
import dev.switchboard.gateway.provider.ProviderCatalog;
import dev.switchboard.gateway.provider.ProviderCatalog.Provider;
import dev.switchboard.gateway.provider.Target;
import dev.switchboard.gateway.routing.RouteNode.TargetNode;
import dev.switchboard.gateway.routing.VirtualKeyVault.VirtualKey;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Turns a request's Portkey-compatible headers into a {@link RoutingConfig}, and a config's target into a
 * {@link Route}. Without {@code x-portkey-config} the route is one target from {@code x-portkey-provider} (or
 * {@code x-portkey-virtual-key}, or the model name: {@code claude-*} is Anthropic, {@code gemini-*} Google,
 * anything else OpenAI). A target's key is its {@code api_key}, its virtual key's, or the caller's
 * {@code Authorization}.
 */
public final class RouteResolver {
    public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(10);

    private final ProviderCatalog catalog;
    private final ConfigParser parser;
    private final SavedConfigs savedConfigs;
    private final VirtualKeyVault vault;

    public RouteResolver(ProviderCatalog catalog, SavedConfigs savedConfigs, VirtualKeyVault vault) {
        this.catalog = catalog;
        this.parser = new ConfigParser(catalog);
        this.savedConfigs = savedConfigs;
        this.vault = vault;
    }

    /**
     * @param header reads a request header by lower-case name, null when absent
     * @param model  the request's model, used only when nothing names the provider
     */
    public RoutingConfig config(UnaryOperator<String> header, String model) {
        Duration timeout = timeout(header.apply("x-portkey-request-timeout"));
        String raw = header.apply("x-portkey-config");
        if (raw != null && !raw.isBlank()) {
            return parser.parse(configJson(raw.trim()), timeout);
        }
        String virtualKey = blankToNull(header.apply("x-portkey-virtual-key"));
        String provider = blankToNull(header.apply("x-portkey-provider"));
        if (provider == null && virtualKey == null) {
            provider = inferProvider(model);
        }
        if (provider != null) {
            provider = provider.trim().toLowerCase(Locale.ROOT);
            catalog.require(provider);
        }
        TargetNode target = new TargetNode("headers", null, 1, provider, null, virtualKey,
                blankToNull(header.apply("x-portkey-custom-host")), azureOptions(header), Json.object(),
                RetryPolicy.NONE, timeout);
        return new RoutingConfig(target, null, GuardrailSet.EMPTY, false);
    }

    /** The concrete upstream for one target of a config. */
    public Route route(TargetNode target, UnaryOperator<String> header) {
        VirtualKey virtualKey = target.virtualKey() == null ? null : vault.find(target.virtualKey())
                .orElseThrow(() -> new GatewayException(401, "authentication_error", "invalid_virtual_key",
                        target.path() + ".virtual_key", "Unknown virtual key '" + target.virtualKey() + "'"));
        String providerName = target.provider() != null ? target.provider() : virtualKey.provider();
        Provider provider = catalog.require(providerName);
        String apiKey = firstNonBlank(target.apiKey(), virtualKey == null ? null : virtualKey.apiKey(),
                bearer(header.apply("authorization")));
        Map<String, String> options = new HashMap<>();
        if (virtualKey != null) {
            options.putAll(virtualKey.options());
        }
        options.putAll(target.options());
        String customHost = firstNonBlank(target.customHost(), virtualKey == null ? null : virtualKey.customHost(),
                null);
        return new Route(new Target(provider.name(), baseUrl(provider, customHost, options), apiKey, options),
                provider.adapter(), target.timeout());
    }

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

    private JsonNode configJson(String raw) {
        if (!raw.startsWith("{")) {
            return savedConfigs.resolve(raw).orElseThrow(() -> GatewayException.badRequest("x-portkey-config",
                    "No saved config '" + raw + "' (x-portkey-config takes inline JSON or a saved config id)"));
        }
        try {
            return Json.read(raw);
        } catch (UncheckedIOException e) {
            throw GatewayException.badRequest("x-portkey-config", "x-portkey-config is not valid JSON");
        }
    }

    private static Map<String, String> azureOptions(UnaryOperator<String> header) {
        Map<String, String> options = new HashMap<>();
        putIfPresent(options, "azure-resource-name", header.apply("x-portkey-azure-resource-name"));
        putIfPresent(options, "azure-deployment-id", header.apply("x-portkey-azure-deployment-id"));
        putIfPresent(options, "azure-api-version", header.apply("x-portkey-azure-api-version"));
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

    private static String firstNonBlank(String... values) {
        for (String value : values) {
            if (value != null && !value.isBlank()) {
                return value;
            }
        }
        return null;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    private static void putIfPresent(Map<String, String> map, String key, String value) {
        if (value != null) {
            map.put(key, value);
        }
    }
}
