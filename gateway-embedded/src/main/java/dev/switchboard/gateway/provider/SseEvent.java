package dev.switchboard.gateway.provider;

/** One server-sent event read from an upstream stream; {@code event} is null when the stream names none. */
public record SseEvent(String event, String data) {
}
