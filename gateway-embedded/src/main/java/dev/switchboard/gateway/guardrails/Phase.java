package dev.switchboard.gateway.guardrails;

/** When a guardrail runs: on the request before it goes upstream, or on the completion that comes back. */
public enum Phase {
    INPUT("before_request_hooks"),
    OUTPUT("after_request_hooks");

    private final String hooksKey;

    Phase(String hooksKey) {
        this.hooksKey = hooksKey;
    }

    /** The key this phase's results have in Portkey's {@code hook_results} object. */
    public String hooksKey() {
        return hooksKey;
    }
}
