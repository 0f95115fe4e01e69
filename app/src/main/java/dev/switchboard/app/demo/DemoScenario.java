package dev.switchboard.app.demo;

import java.util.List;

/**
 * One kind of request demo mode sends: which provider and model, for which use case and team, and what is asked.
 *
 * @param customHostPath the path under the mock's base URL this provider's adapter expects
 * @param withTool       offer a tool, so the mock answers with a tool call
 */
record DemoScenario(String provider, String customHostPath, String model, String useCase, String team,
                    String system, String question, boolean stream, boolean withTool) {

    static final List<DemoScenario> ALL = List.of(
            new DemoScenario("openai", "/v1", "gpt-4o-mini", "support-bot", "support",
                    "You are a concise support agent for an online bookshop.",
                    "My order #18342 has not arrived yet. Where is it?", true, false),
            new DemoScenario("openai", "/v1", "gpt-4o-mini", "order-lookup", "support",
                    "Look up orders with the tools you have.", "What is the status of order 18342?", false, true),
            new DemoScenario("openai", "/v1", "gpt-4o", "summarize-tickets", "support",
                    "Summarise the customer ticket in two sentences.",
                    "Customer says the e-book download link expired and asks for a refund or a new link.", false,
                    false),
            new DemoScenario("anthropic", "/v1", "claude-3-5-haiku-20241022", "search-rerank", "search",
                    "Rank the passages by relevance to the query.",
                    "Query: waterproof hiking boots. Passages: 1) boot care 2) rain gear 3) trail maps", true,
                    false),
            new DemoScenario("anthropic", "/v1", "claude-sonnet-4-20250514", "code-review", "platform",
                    "You review Java pull requests. Point out bugs first.",
                    "Review: public int div(int a, int b) { return a / b; }", false, false),
            new DemoScenario("google", "/v1beta", "gemini-2.0-flash", "search-rerank", "search",
                    "Classify the query intent as navigational, informational or transactional.",
                    "buy running shoes size 44", false, false),
            new DemoScenario("google", "/v1beta", "gemini-2.5-flash", "marketing-copy", "growth",
                    "Write upbeat product copy in under 40 words.", "A reusable steel water bottle", true, false),
            new DemoScenario("groq", "/v1", "llama-3.3-70b-versatile", "internal-chat", "platform",
                    "You are an internal helper for engineers.", "How do I rotate the staging database password?",
                    true, false));
}
