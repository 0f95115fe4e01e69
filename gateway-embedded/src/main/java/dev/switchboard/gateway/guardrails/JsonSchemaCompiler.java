package dev.switchboard.gateway.guardrails;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaException;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaId;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import com.networknt.schema.resource.AllowSchemaLoader;
import dev.switchboard.gateway.Json;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * Turns a config's {@code schema} into a validator at parse time. Only the meta-schemas bundled in the library may
 * be loaded: a {@code $ref} to a URL would be a network call on the request path (and a way to make the gateway
 * fetch arbitrary URLs), so it is rejected when the config is read.
 */
final class JsonSchemaCompiler {
    private static final List<String> KNOWN_DIALECTS = List.of(SchemaId.V4, SchemaId.V6, SchemaId.V7,
            SchemaId.V201909, SchemaId.V202012);

    private final JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012,
            builder -> builder.jsonMapper(Json.MAPPER).schemaLoaders(loaders -> loaders.add(
                    new AllowSchemaLoader(iri -> iri.toString().startsWith("classpath:")))));

    JsonSchema compile(Params params) {
        JsonNode schema = params.required("schema");
        if (!schema.isObject()) {
            throw params.error("schema", "'schema' must be a JSON Schema object");
        }
        String requested = schema.path("$schema").asText(SchemaId.V202012);
        // Schemas in the wild name their dialect with or without the trailing '#' and with https: accept those.
        String dialect = KNOWN_DIALECTS.stream().filter(known -> sameDialect(known, requested)).findFirst()
                .orElseThrow(() -> params.error("schema", "unsupported $schema '" + requested + "'; use one of "
                        + String.join(", ", KNOWN_DIALECTS)));
        try {
            Set<ValidationMessage> problems = factory.getSchema(SchemaLocation.of(dialect)).validate(schema);
            if (!problems.isEmpty()) {
                ValidationMessage first = problems.stream()
                        .min(Comparator.comparing(ValidationMessage::getMessage)).orElseThrow();
                throw params.error("schema", "'schema' is not a valid JSON Schema: " + first.getMessage());
            }
            JsonSchema compiled = factory.getSchema(schema);
            compiled.initializeValidators();
            return compiled;
        } catch (JsonSchemaException e) {
            String hint = String.valueOf(e.getMessage()).contains("not allowed to be loaded")
                    ? " (schemas must be self-contained: the gateway never fetches a $ref)" : "";
            throw params.error("schema", "'schema' cannot be used: " + e.getMessage() + hint);
        }
    }

    private static boolean sameDialect(String known, String requested) {
        return normalise(known).equals(normalise(requested));
    }

    private static String normalise(String dialect) {
        String trimmed = dialect.endsWith("#") ? dialect.substring(0, dialect.length() - 1) : dialect;
        return trimmed.replaceFirst("^https://", "http://");
    }
}
