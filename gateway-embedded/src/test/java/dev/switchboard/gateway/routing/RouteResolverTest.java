package dev.switchboard.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.gateway.GatewayException;
import dev.switchboard.gateway.Json;
import dev.switchboard.gateway.provider.ProviderCatalog;
import dev.switchboard.gateway.routing.RouteNode.TargetNode;
import dev.switchboard.gateway.routing.VirtualKeyVault.VirtualKey;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RouteResolverTest {
    private final RouteResolver resolver = new RouteResolver(new ProviderCatalog(),
            reference -> "team-default".equals(reference)
                    ? Optional.of(Json.read("{\"provider\":\"mistral-ai\",\"api_key\":\"saved\"}")) : Optional.empty(),
            id -> "vk-anthropic".equals(id)
                    ? Optional.of(new VirtualKey(id, "anthropic", "sk-ant-stored", null, Map.of())) : Optional.empty());

    private Route resolve(Map<String, String> headers, String model) {
        RoutingConfig config = resolver.config(headers::get, model);
        return resolver.route((TargetNode) config.root(), headers::get);
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
    void resolvesSavedConfigsAndVirtualKeys() {
        assertThat(resolve(Map.of("x-portkey-config", "team-default"), "m").target().apiKey()).isEqualTo("saved");

        Route viaKey = resolve(Map.of("x-portkey-virtual-key", "vk-anthropic"), "claude-sonnet-4-5");
        assertThat(viaKey.target().provider()).isEqualTo("anthropic");
        assertThat(viaKey.target().apiKey()).isEqualTo("sk-ant-stored");

        assertThatThrownBy(() -> resolve(Map.of("x-portkey-virtual-key", "nope"), "m"))
                .isInstanceOfSatisfying(GatewayException.class, e -> assertThat(e.status()).isEqualTo(401));
        assertThatThrownBy(() -> resolve(Map.of("x-portkey-config", "missing-id"), "m"))
                .isInstanceOf(GatewayException.class).hasMessageContaining("No saved config 'missing-id'");
    }

    @Test
    void infersTheProviderFromTheModelWhenNothingNamesIt() {
        assertThat(resolve(Map.of(), "claude-sonnet-4-5").target().provider()).isEqualTo("anthropic");
        assertThat(resolve(Map.of(), "gemini-2.5-flash").target().provider()).isEqualTo("google");
        assertThat(resolve(Map.of(), "gpt-4o").target().provider()).isEqualTo("openai");
    }

    @Test
    void explainsEveryBadHeader() {
        assertThatThrownBy(() -> resolve(Map.of("x-portkey-custom-host", "ftp://x"), "m"))
                .isInstanceOf(GatewayException.class).hasMessageContaining("http(s) URL");
        assertThatThrownBy(() -> resolve(Map.of("x-portkey-provider", "azure-openai"), "m"))
                .isInstanceOf(GatewayException.class).hasMessageContaining("x-portkey-custom-host");
        assertThatThrownBy(() -> resolve(Map.of("x-portkey-request-timeout", "-5"), "m"))
                .isInstanceOf(GatewayException.class).hasMessageContaining("positive");
        assertThatThrownBy(() -> resolve(Map.of("x-portkey-config", "{not json"), "m"))
                .isInstanceOf(GatewayException.class).hasMessageContaining("not valid JSON");
    }

    @Test
    void buildsAzureHostsFromTheResourceName() {
        Route route = resolve(Map.of("x-portkey-provider", "azure-openai", "x-portkey-azure-resource-name", "acme",
                "x-portkey-azure-deployment-id", "gpt4o-prod", "authorization", "Bearer az"), "gpt-4o");

        assertThat(route.target().baseUrl()).isEqualTo("https://acme.openai.azure.com/openai");
        assertThat(route.adapter().chatRequest(Json.object().put("model", "gpt-4o"), route.target()).url())
                .isEqualTo("https://acme.openai.azure.com/openai/deployments/gpt4o-prod/chat/completions"
                        + "?api-version=2024-10-21");
        assertThat(route.adapter().chatRequest(Json.object(), route.target()).headers())
                .containsEntry("api-key", "az").doesNotContainKey("authorization");
    }
}
