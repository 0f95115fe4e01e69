package dev.switchboard.gateway.provider;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.gateway.Json;
import java.io.UncheckedIOException;

/** Reading upstream stream events: a payload that is not JSON ends the stream as an upstream error. */
public final class StreamEvents {
    private StreamEvents() {
    }

    public static JsonNode json(SseEvent event) {
        try {
            return Json.read(event.data());
        } catch (UncheckedIOException e) {
            throw new UpstreamStreamException("invalid_upstream_event", "The provider sent a stream event that is not JSON");
        }
    }
}
