package dev.switchboard.gateway.guardrails;

/** One configured check of a guardrail: the id the config used, the compiled check and Portkey's {@code not} flag. */
public record GuardrailCheck(String id, Check check, boolean not) {
}
