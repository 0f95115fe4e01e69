package dev.switchboard.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.gateway.GatewayException;
import dev.switchboard.gateway.provider.ProviderCatalog;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RouteResolverTest {
    private final RouteResolver resolver = new RouteResolver(new ProviderCatalog());

    private Route resolve(Map<String, String> headers, String model) {
        return resolver.resolve(headers::get, model);
    }

    @Test
    void usesTheNamedProviderItsDefaultHostAndTheCallersKey() {
        Route route = resolve(Map.of("x-portkey-provider", "groq", "authorization", "Bearer gsk-1"), "llama3");

        assertThat(route.target().provider()).isEqualTo("groq");
        assertThat(route.target().baseUrl()).isEqualTo("https://api.groq.com/openai/v1");
        assertThat(route.target().apiKey()).isEqualTo("gsk-1");
        assertThat(route.timeout()).isEqualTo(RouteResolver.DEFAULT_TIMEOUT);
    }

    @Test
    void prefersTheConfigOverHeadersAndStripsTrailingSlashes() {
        Route route = resolve(Map.of("x-portkey-provider", "groq", "authorization", "Bearer header-key",
                "x-portkey-config", "{\"provider\":\"openai\",\"api_key\":\"config-key\","
                        + "\"custom_host\":\"http://127.0.0.1:9099/v1/\",\"request_timeout\":1500}"), "m");

        assertThat(route.target().provider()).isEqualTo("openai");
        assertThat(route.target().apiKey()).isEqualTo("config-key");
        assertThat(route.target().baseUrl()).isEqualTo("http://127.0.0.1:9099/v1");
        assertThat(route.timeout()).isEqualTo(Duration.ofMillis(1500));
    }

    @Test
    void acceptsTheSingleStrategyFormWithOneTarget() {
        Route route = resolve(Map.of("x-portkey-config",
                "{\"strategy\":{\"mode\":\"single\"},\"targets\":[{\"provider\":\"mistral-ai\",\"api_key\":\"k\"}]}"),
                "mistral-large");

        assertThat(route.target().provider()).isEqualTo("mistral-ai");
    }

    @Test
    void infersTheProviderFromTheModelWhenNothingNamesIt() {
        assertThat(RouteResolver.inferProvider("gpt-4o")).isEqualTo("openai");
        assertThat(RouteResolver.inferProvider("llama3")).isEqualTo("openai");
    }

    @Test
    void explainsEveryBadHeader() {
        assertThatThrownBy(() -> resolve(Map.of("x-portkey-custom-host", "ftp://x"), "m"))
                .isInstanceOf(GatewayException.class).hasMessageContaining("http(s) URL");
        assertThatThrownBy(() -> resolve(Map.of("x-portkey-config", "{\"strategy\":{\"mode\":\"fallback\"},"
                + "\"targets\":[{},{}]}"), "m")).isInstanceOf(GatewayException.class)
                .hasMessageContaining("fallback");
        assertThatThrownBy(() -> resolve(Map.of("x-portkey-provider", "azure-openai"), "m"))
                .isInstanceOf(GatewayException.class).hasMessageContaining("x-portkey-custom-host");
        assertThatThrownBy(() -> resolve(Map.of("x-portkey-request-timeout", "-5"), "m"))
                .isInstanceOf(GatewayException.class).hasMessageContaining("positive");
    }

    @Test
    void buildsAzureHostsFromTheResourceName() {
        Route route = resolve(Map.of("x-portkey-provider", "azure-openai", "x-portkey-azure-resource-name", "acme",
                "x-portkey-azure-deployment-id", "gpt4o-prod", "authorization", "Bearer az"), "gpt-4o");

        assertThat(route.target().baseUrl()).isEqualTo("https://acme.openai.azure.com/openai");
        assertThat(route.target().option("azure-deployment-id")).isEqualTo("gpt4o-prod");
        assertThat(route.adapter().chatRequest(dev.switchboard.gateway.Json.object().put("model", "gpt-4o"),
                route.target()).url())
                .isEqualTo("https://acme.openai.azure.com/openai/deployments/gpt4o-prod/chat/completions"
                        + "?api-version=2024-10-21");
        assertThat(route.adapter().chatRequest(dev.switchboard.gateway.Json.object(), route.target()).headers())
                .containsEntry("api-key", "az").doesNotContainKey("authorization");
    }
}
