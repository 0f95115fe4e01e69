package dev.switchboard.gateway.cache;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.gateway.Json;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Set;
import java.util.TreeSet;

/**
 * The cache key of a request: SHA-256 over the endpoint, the caller's key namespace and the request with its
 * fields sorted, so key order and whether it streams make no difference (a streamed request can be answered from
 * a cached plain one and the other way round).
 */
public final class CacheKeys {
    private static final Set<String> IGNORED = Set.of("stream", "stream_options");

    private CacheKeys() {
    }

    /** @param namespace keeps callers with different gateway API keys apart; empty for anonymous callers */
    public static String of(String endpoint, String namespace, ObjectNode request) {
        ObjectNode normalized = request.deepCopy();
        normalized.remove(IGNORED);
        String canonical = endpoint + "\n" + namespace + "\n" + Json.write(sorted(normalized));
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is unavailable", e);
        }
    }

    private static JsonNode sorted(JsonNode node) {
        if (node instanceof ObjectNode object) {
            ObjectNode copy = Json.object();
            new TreeSet<>(object.properties().stream().map(java.util.Map.Entry::getKey).toList())
                    .forEach(name -> copy.set(name, sorted(object.get(name))));
            return copy;
        }
        if (node instanceof ArrayNode array) {
            ArrayNode copy = Json.MAPPER.createArrayNode();
            array.forEach(item -> copy.add(sorted(item)));
            return copy;
        }
        return node;
    }
}
