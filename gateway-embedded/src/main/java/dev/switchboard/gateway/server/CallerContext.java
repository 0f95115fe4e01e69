package dev.switchboard.gateway.server;

import dev.switchboard.gateway.GatewayException;
import dev.switchboard.gateway.Json;
import io.javalin.http.Context;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/** What the caller says about a request besides its body: trace id, metadata and (redacted) headers. */
final class CallerContext {
    private static final int MAX_METADATA_PAIRS = 64;
    private static final int MAX_TRACE_ID = 256;

    private CallerContext() {
    }

    static String clientTraceId(Context ctx) {
        String id = ctx.header("x-portkey-trace-id");
        if (id == null || id.isBlank()) {
            return null;
        }
        if (id.length() > MAX_TRACE_ID) {
            throw GatewayException.badRequest("x-portkey-trace-id",
                    "x-portkey-trace-id is longer than " + MAX_TRACE_ID + " characters");
        }
        return id.trim();
    }

    /** {@code x-portkey-metadata}: a JSON object; non-string values are kept as their JSON text. */
    static Map<String, String> metadata(Context ctx) {
        String raw = ctx.header("x-portkey-metadata");
        if (raw == null || raw.isBlank()) {
            return Map.of();
        }
        var node = readMetadata(raw);
        if (!node.isObject()) {
            throw GatewayException.badRequest("x-portkey-metadata", "x-portkey-metadata must be a JSON object");
        }
        if (node.size() > MAX_METADATA_PAIRS) {
            throw GatewayException.badRequest("x-portkey-metadata",
                    "x-portkey-metadata has more than " + MAX_METADATA_PAIRS + " keys");
        }
        Map<String, String> metadata = new LinkedHashMap<>();
        node.properties().forEach(e -> {
            if (!e.getValue().isNull()) {
                metadata.put(e.getKey(), e.getValue().isTextual() ? e.getValue().asText() : e.getValue().toString());
            }
        });
        return metadata;
    }

    private static com.fasterxml.jackson.databind.JsonNode readMetadata(String raw) {
        try {
            return Json.read(raw);
        } catch (UncheckedIOException e) {
            throw GatewayException.badRequest("x-portkey-metadata", "x-portkey-metadata is not valid JSON");
        }
    }

    static Map<String, String> redactedHeaders(Context ctx) {
        return HeaderRedactor.redact(ctx.headerMap());
    }
}
