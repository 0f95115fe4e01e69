package dev.switchboard.app.traces;

import dev.switchboard.app.common.Csv;
import dev.switchboard.gateway.Json;
import dev.switchboard.gateway.trace.Trace;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** Selected traces as a JSON array (with bodies, headers and spans) or CSV (one row per trace, no bodies). */
public final class TraceExport {
    /** The formats a user can pick; the extension is the file's. */
    public enum Format {
        JSON("json"), CSV("csv");

        private final String extension;

        Format(String extension) {
            this.extension = extension;
        }

        public String extension() {
            return extension;
        }
    }

    private TraceExport() {
    }

    public static String json(List<Trace> traces) {
        try {
            return Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(traces);
        } catch (Exception e) {
            throw new IllegalStateException("Cannot write traces as JSON", e);
        }
    }

    /** Metadata keys become columns of their own ({@code metadata.team}), so a spreadsheet can pivot on them. */
    public static String csv(List<Trace> traces) {
        TreeSet<String> keys = new TreeSet<>();
        traces.forEach(t -> keys.addAll(t.metadata().keySet()));
        List<String> header = new ArrayList<>(List.of("id", "started_at", "status", "provider", "model", "endpoint",
                "prompt", "prompt_version", "stream", "duration_ms", "ttft_ms", "input_tokens", "output_tokens",
                "cached_tokens", "reasoning_tokens", "tokens_estimated", "cost_usd", "finish_reason", "error",
                "client_trace_id", "cache_status", "cost_saved_usd", "api_key_name"));
        keys.forEach(k -> header.add("metadata." + k));
        List<List<String>> rows = new ArrayList<>();
        for (Trace t : traces) {
            List<String> row = new ArrayList<>(List.of(t.id(), t.startedAt().toString(), Integer.toString(t.status()),
                    str(t.provider()), str(t.model()), str(t.endpoint()), str(t.promptName()),
                    str(t.promptVersion()), Boolean.toString(t.stream()), Long.toString(t.durationMs()),
                    str(t.ttftMs()), str(t.inputTokens()), str(t.outputTokens()), str(t.cachedTokens()),
                    str(t.reasoningTokens()), Boolean.toString(t.tokensEstimated()),
                    t.costUsd() == null ? "" : t.costUsd().toPlainString(), str(t.finishReason()), str(t.error()),
                    str(t.clientTraceId()), str(t.cacheStatus()),
                    t.costSavedUsd() == null ? "" : t.costSavedUsd().toPlainString(), str(t.apiKeyName())));
            Map<String, String> metadata = t.metadata();
            keys.forEach(k -> row.add(str(metadata.get(k))));
            rows.add(row);
        }
        return Csv.of(header, rows);
    }

    private static String str(Object value) {
        return value == null ? "" : value.toString();
    }
}
