package dev.switchboard.gateway.mock;

import dev.switchboard.gateway.provider.SseEvent;
import java.util.List;

/**
 * One streamed reply as server-sent events, split where pacing applies: {@code opening} goes out after the time to
 * first token, each of {@code tokens} after the per-token delay, then {@code closing} at once.
 */
record StreamScript(List<SseEvent> opening, List<SseEvent> tokens, List<SseEvent> closing) {
}
