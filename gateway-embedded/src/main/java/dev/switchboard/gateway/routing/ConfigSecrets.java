package dev.switchboard.gateway.routing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.gateway.keys.SecretBox;
import java.util.Locale;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * The {@code api_key} values anywhere in a saved config: encrypted for storage, decrypted for routing, shown as
 * {@value #REDACTED}. A config fetched from the admin API, edited and sent back still reads {@value #REDACTED}
 * where a key was: it then keeps the key stored at the same JSON path of the version it replaces, so editing a
 * config never needs its keys pasted again and never stores the placeholder as a key.
 */
final class ConfigSecrets {
    static final String REDACTED = "[redacted]";

    private final SecretBox box;

    ConfigSecrets(SecretBox box) {
        this.box = box;
    }

    /**
     * @param config   as sent by a client; changed in place
     * @param previous the sealed latest version, or null for a new config
     * @return {@code config} with every key encrypted
     */
    JsonNode seal(JsonNode config, JsonNode previous) {
        seal(config, previous, "config");
        return config;
    }

    /** A stored config with its keys usable. */
    JsonNode open(JsonNode sealed) {
        return transform(sealed, box::decrypt);
    }

    /** A stored config as the admin API shows it. */
    static JsonNode redact(JsonNode sealed) {
        return transform(sealed, key -> REDACTED);
    }

    private void seal(JsonNode node, JsonNode previous, String path) {
        if (node instanceof ObjectNode object) {
            JsonNode key = object.get("api_key");
            if (key != null && key.isTextual()) {
                object.put("api_key", REDACTED.equals(key.asText()) ? kept(object, previous, path + ".api_key")
                        : box.encrypt(key.asText()));
            }
            object.properties().forEach(field -> seal(field.getValue(), child(previous, field.getKey()),
                    path + "." + field.getKey()));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                seal(node.get(i), previous == null ? null : previous.get(i), path + "[" + i + "]");
            }
        }
    }

    /** The sealed key the previous version holds at the same place, for the same provider. */
    private static String kept(ObjectNode target, JsonNode previous, String path) {
        JsonNode stored = previous == null ? null : previous.get("api_key");
        if (stored == null || !stored.isTextual()) {
            throw ConfigParser.invalid(path, "reads " + REDACTED + ", but the saved config has no key at this "
                    + "place to keep; paste the key");
        }
        String provider = provider(target);
        String before = provider(previous);
        if (!Objects.equals(provider, before)) {
            throw ConfigParser.invalid(path, "reads " + REDACTED + ", but the saved key at this place is for "
                    + (before == null ? "no provider" : before) + ", not " + (provider == null ? "no provider"
                    : provider) + "; paste the key");
        }
        return stored.asText();
    }

    private static String provider(JsonNode target) {
        JsonNode provider = target.get("provider");
        return provider != null && provider.isTextual() ? provider.asText().toLowerCase(Locale.ROOT) : null;
    }

    private static JsonNode child(JsonNode node, String field) {
        return node == null ? null : node.get(field);
    }

    /** Applies {@code change} to every {@code api_key} value anywhere in the config. */
    private static JsonNode transform(JsonNode node, UnaryOperator<String> change) {
        if (node instanceof ObjectNode object) {
            JsonNode key = object.get("api_key");
            if (key != null && key.isTextual()) {
                object.put("api_key", change.apply(key.asText()));
            }
        }
        node.forEach(child -> transform(child, change));
        return node;
    }
}
