package dev.switchboard.gateway.guardrails;

import java.util.List;

/** The guardrails a config defines: {@code input} run before the request goes upstream, {@code output} after. */
public record GuardrailSet(List<Guardrail> input, List<Guardrail> output) {
    public static final GuardrailSet EMPTY = new GuardrailSet(List.of(), List.of());

    public GuardrailSet {
        input = List.copyOf(input);
        output = List.copyOf(output);
    }

    public boolean isEmpty() {
        return input.isEmpty() && output.isEmpty();
    }
}
