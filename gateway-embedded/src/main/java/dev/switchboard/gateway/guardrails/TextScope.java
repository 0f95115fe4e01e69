package dev.switchboard.gateway.guardrails;

/**
 * Which request text an input check reads. Output checks always read every choice's assistant content.
 * Leak and block-list checks read the whole conversation because the provider sees all of it; shape checks (counts,
 * regex, JSON) read only the latest user turn, as Portkey does, so they do not drift as a conversation grows.
 */
public enum TextScope {
    /** Every text content of every message, whatever its role. */
    CONVERSATION,
    /** The text of the last message whose role is {@code user}. */
    LATEST_USER
}
