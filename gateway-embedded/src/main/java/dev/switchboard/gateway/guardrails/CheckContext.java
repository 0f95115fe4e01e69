package dev.switchboard.gateway.guardrails;

import java.util.Map;

/** What a check may look at: the text of its scope, the request's model and the caller's metadata. */
record CheckContext(Phase phase, String text, String model, Map<String, String> metadata) {
}
