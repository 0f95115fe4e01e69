package dev.switchboard.gateway.provider;

import dev.switchboard.gateway.GatewayException;
import dev.switchboard.gateway.provider.anthropic.AnthropicAdapter;
import dev.switchboard.gateway.provider.gemini.GeminiAdapter;
import dev.switchboard.gateway.provider.openai.OpenAiAdapter;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The providers the gateway knows by Portkey's names: each with its default API base and the adapter that speaks
 * its wire format. Any other OpenAI-compatible host works as {@code openai} with a custom host.
 */
public final class ProviderCatalog {

    /** One known provider. {@code defaultBaseUrl} is null where the user must always name the host. */
    public record Provider(String name, String defaultBaseUrl, ProviderAdapter adapter) {
    }

    private final Map<String, Provider> providers = new TreeMap<>();

    public ProviderCatalog() {
        ProviderAdapter openAi = new OpenAiAdapter(true);
        ProviderAdapter compatible = new OpenAiAdapter(false);
        add("openai", "https://api.openai.com/v1", openAi);
        add("azure-openai", null, openAi);
        add("anthropic", "https://api.anthropic.com/v1", new AnthropicAdapter());
        add("google", "https://generativelanguage.googleapis.com/v1beta", new GeminiAdapter());
        add("groq", "https://api.groq.com/openai/v1", compatible);
        add("mistral-ai", "https://api.mistral.ai/v1", compatible);
        add("together-ai", "https://api.together.xyz/v1", compatible);
        add("deepseek", "https://api.deepseek.com/v1", compatible);
        add("openrouter", "https://openrouter.ai/api/v1", compatible);
        add("fireworks-ai", "https://api.fireworks.ai/inference/v1", compatible);
        add("perplexity-ai", "https://api.perplexity.ai", compatible);
        add("x-ai", "https://api.x.ai/v1", compatible);
        add("cerebras", "https://api.cerebras.ai/v1", compatible);
        add("ollama", "http://127.0.0.1:11434/v1", compatible);
        add("lm-studio", "http://127.0.0.1:1234/v1", compatible);
        add("vllm", "http://127.0.0.1:8000/v1", compatible);
    }

    private void add(String name, String baseUrl, ProviderAdapter adapter) {
        providers.put(name, new Provider(name, baseUrl, adapter));
    }

    public Optional<Provider> find(String name) {
        return Optional.ofNullable(providers.get(name));
    }

    public Provider require(String name) {
        return find(name).orElseThrow(() -> GatewayException.badRequest("x-portkey-provider",
                "Unknown provider '" + name + "'. Known providers: " + String.join(", ", providers.keySet())
                        + ". Any OpenAI-compatible host works as 'openai' with x-portkey-custom-host."));
    }

    public Iterable<String> names() {
        return providers.keySet();
    }
}
