package dev.switchboard.gateway.provider.openai;

import dev.switchboard.gateway.provider.SseEvent;
import dev.switchboard.gateway.provider.StreamTranslator;
import dev.switchboard.gateway.provider.UpstreamStreamException;
import java.util.List;

/** Forwards an OpenAI stream's chunks as they are; only the {@code [DONE]} marker and in-stream errors are special. */
final class OpenAiStreamPassthrough implements StreamTranslator {
    private boolean done;

    @Override
    public List<String> onEvent(SseEvent event) {
        String data = event.data();
        if ("[DONE]".equals(data)) {
            done = true;
            return List.of();
        }
        if ("error".equals(event.event()) || data.startsWith("{\"error\"")) {
            throw new UpstreamStreamException("upstream_error", InStreamErrors.message(data));
        }
        return List.of(data);
    }

    @Override
    public boolean completed() {
        return done;
    }
}
