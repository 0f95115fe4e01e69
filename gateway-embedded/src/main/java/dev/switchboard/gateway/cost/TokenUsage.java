package dev.switchboard.gateway.cost;

/**
 * Token counts of one call in OpenAI's terms: {@code input} includes {@code cachedInput}, {@code output} includes
 * {@code reasoning}. {@code estimated} marks counts made by the gateway's tokenizer rather than reported by the provider.
 */
public record TokenUsage(int input, int output, int cachedInput, int reasoning, boolean estimated) {
}
