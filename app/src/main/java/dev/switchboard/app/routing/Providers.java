package dev.switchboard.app.routing;

import java.util.List;

/** The provider names a virtual key may name, as the gateway's provider catalog knows them. */
public final class Providers {
    public static final List<String> ALL = List.of("openai", "anthropic", "google", "azure-openai", "groq", "mistral-ai",
            "together-ai", "deepseek", "openrouter", "fireworks-ai", "perplexity-ai", "x-ai", "cerebras", "ollama",
            "lm-studio", "vllm");

    private Providers() {
    }
}
