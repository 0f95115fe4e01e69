package dev.switchboard.app.playground;

import java.util.List;

/**
 * Targets on demo mode's mock provider, one per wire format it speaks, so a new user can run a comparison at once.
 * The paths are where each provider's adapter expects its API under the custom host.
 */
final class DemoTargets {
    private DemoTargets() {
    }

    static List<Target> on(String mockUrl) {
        return List.of(
                new Target("openai", "gpt-4o-mini", mockUrl + "/v1", null, 0.7, null),
                new Target("anthropic", "claude-3-5-haiku-20241022", mockUrl + "/v1", null, 0.7, 300),
                new Target("google", "gemini-2.0-flash", mockUrl + "/v1beta", null, null, null));
    }
}
