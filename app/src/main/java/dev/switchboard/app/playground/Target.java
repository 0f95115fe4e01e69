package dev.switchboard.app.playground;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One column of a comparison: where a call goes (provider, model, optional custom host or virtual key) and with
 * which parameters. Never holds a provider key: keys stay in the gateway as virtual keys, so target sets and
 * experiments can be saved and shared.
 *
 * @param customHost  the provider's API base, e.g. the demo mock's URL; null for the provider's own
 * @param virtualKey  id of a virtual key stored in the gateway; null to send no key
 * @param temperature null leaves the provider's default
 * @param maxTokens   null leaves the provider's default
 * @param promptVersion renders this version of the source's saved prompt instead of the source's own, so a
 *                      matrix can put prompt versions side by side; null for the source as it is
 */
public record Target(String provider, String model, String customHost, String virtualKey, Double temperature,
                     Integer maxTokens, Integer promptVersion) {

    /** A target that renders the run's source as it is. */
    public Target(String provider, String model, String customHost, String virtualKey, Double temperature,
                  Integer maxTokens) {
        this(provider, model, customHost, virtualKey, temperature, maxTokens, null);
    }

    public Target {
        provider = blankToNull(provider);
        model = blankToNull(model);
        customHost = blankToNull(customHost);
        virtualKey = blankToNull(virtualKey);
    }

    /** What a column header and an experiment's summary call this target, e.g. {@code openai · gpt-4o · t=0.2}. */
    public String label() {
        StringBuilder label = new StringBuilder(provider == null ? "auto" : provider).append(" · ")
                .append(model == null ? "(no model)" : model);
        if (temperature != null) {
            label.append(" · t=").append(temperature);
        }
        if (maxTokens != null) {
            label.append(" · max ").append(maxTokens);
        }
        if (promptVersion != null) {
            label.append(" · prompt v").append(promptVersion);
        }
        return label.toString();
    }

    /** Puts this target's model and parameters into a chat completion body. */
    void applyTo(ObjectNode body) {
        body.put("model", model);
        if (temperature != null) {
            body.put("temperature", temperature);
        }
        if (maxTokens != null) {
            body.put("max_tokens", maxTokens);
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
