package dev.switchboard.gateway.provider.gemini;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.gateway.GatewayException;
import dev.switchboard.gateway.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Rewrites a JSON Schema into the OpenAPI 3.0 subset Gemini's {@code Schema} accepts. Gemini rejects the whole
 * request on any keyword outside that subset, so only known keywords are kept (an allow-list: JSON Schema has
 * too many keywords to list the rejected ones), local {@code $ref}s are inlined, and type arrays become
 * {@code nullable}.
 */
final class GeminiSchemas {
    private static final Set<String> PLAIN_KEYWORDS = Set.of("type", "format", "title", "description", "nullable",
            "enum", "required", "minItems", "maxItems", "minProperties", "maxProperties", "minLength", "maxLength",
            "pattern", "minimum", "maximum", "example", "default", "propertyOrdering");
    /** Deep enough for any real nesting of definitions; a self-referencing schema would recurse forever. */
    private static final int MAX_REF_DEPTH = 16;

    private final ObjectNode root;
    private final String param;

    private GeminiSchemas(ObjectNode root, String param) {
        this.root = root;
        this.param = param;
    }

    /** {@code param} names the schema in the client request, for errors. */
    static ObjectNode toGemini(ObjectNode schema, String param) {
        return new GeminiSchemas(schema, param).convert(schema, 0);
    }

    private ObjectNode convert(JsonNode node, int refDepth) {
        ObjectNode schema = asSchema(node);
        if (schema.has("$ref")) {
            return convert(inlineRef(schema, refDepth), refDepth + 1);
        }
        ObjectNode result = Json.object();
        for (Map.Entry<String, JsonNode> field : schema.properties()) {
            String keyword = field.getKey();
            JsonNode value = field.getValue();
            switch (keyword) {
                case "type" -> type(value, result);
                case "properties" -> {
                    ObjectNode properties = result.putObject("properties");
                    value.properties().forEach(p -> properties.set(p.getKey(), convert(p.getValue(), refDepth)));
                }
                case "items" -> result.set("items", convert(value, refDepth));
                // Gemini has no oneOf; anyOf is the closest constraint it can still enforce.
                case "anyOf", "oneOf" -> {
                    ArrayNode anyOf = result.withArray("anyOf");
                    value.forEach(option -> anyOf.add(convert(option, refDepth)));
                }
                case "const" -> result.putArray("enum").add(value);
                default -> {
                    if (PLAIN_KEYWORDS.contains(keyword)) {
                        result.set(keyword, value);
                    }
                }
            }
        }
        return result;
    }

    /** {@code ["string", "null"]} becomes a nullable string; several non-null types become anyOf. */
    private static void type(JsonNode type, ObjectNode result) {
        if (!type.isArray()) {
            result.set("type", type);
            return;
        }
        List<JsonNode> types = new ArrayList<>();
        for (JsonNode t : type) {
            if ("null".equals(t.asText())) {
                result.put("nullable", true);
            } else {
                types.add(t);
            }
        }
        if (types.size() == 1) {
            result.set("type", types.getFirst());
        } else {
            ArrayNode anyOf = result.withArray("anyOf");
            types.forEach(t -> anyOf.addObject().set("type", t));
        }
    }

    /** Replaces a local {@code $ref} with its definition; keywords next to the $ref (e.g. description) win. */
    private ObjectNode inlineRef(ObjectNode schema, int refDepth) {
        String ref = schema.path("$ref").asText();
        if (refDepth >= MAX_REF_DEPTH) {
            throw GatewayException.badRequest(param, "'" + param + "' is recursive ($ref '" + ref
                    + "'); Gemini schemas cannot reference themselves");
        }
        JsonNode target = ref.startsWith("#/") ? root.at(ref.substring(1)) : null;
        if (target == null || !target.isObject()) {
            throw GatewayException.badRequest(param, "'" + param + "' has $ref '" + ref
                    + "' that does not point into the schema itself; Gemini needs it inlined");
        }
        ObjectNode merged = ((ObjectNode) target).deepCopy();
        schema.properties().forEach(field -> {
            if (!field.getKey().equals("$ref")) {
                merged.set(field.getKey(), field.getValue());
            }
        });
        return merged;
    }

    private ObjectNode asSchema(JsonNode node) {
        if (!node.isObject()) {
            throw GatewayException.badRequest(param, "'" + param + "' contains a schema that is not an object");
        }
        return (ObjectNode) node;
    }
}
