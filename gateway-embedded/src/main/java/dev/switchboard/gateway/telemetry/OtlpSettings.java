package dev.switchboard.gateway.telemetry;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where and how to export traces as OpenTelemetry spans (OTLP over HTTP/protobuf). Read from CLI options first,
 * then from the standard {@code OTEL_EXPORTER_OTLP_*} and {@code OTEL_SERVICE_NAME} environment variables.
 *
 * @param tracesEndpoint the full URL spans are POSTed to, e.g. {@code http://collector:4318/v1/traces}
 * @param headers        sent with every export (e.g. an API key for a hosted backend); never logged
 * @param captureContent also export prompts and completions ({@code gen_ai.input.messages} / {@code
 *                       gen_ai.output.messages}); off by default because they may hold personal data
 */
public record OtlpSettings(String tracesEndpoint, Map<String, String> headers, boolean captureContent,
                           Duration timeout, String serviceName, Map<String, String> resourceAttributes) {
    public static final String DEFAULT_SERVICE_NAME = "switchboard-gateway";
    private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);
    private static final String TRACES_PATH = "/v1/traces";

    public OtlpSettings {
        headers = Map.copyOf(headers);
        resourceAttributes = Map.copyOf(resourceAttributes);
    }

    /**
     * Settings from a CLI endpoint and the environment, or null when neither names an endpoint (export off).
     *
     * @param endpoint the base URL ({@code http://collector:4318}) or the full traces URL; null to use the
     *                 environment
     */
    public static OtlpSettings resolve(String endpoint, boolean captureContent, Map<String, String> env) {
        String traces = null;
        if (endpoint != null && !endpoint.isBlank()) {
            traces = endpoint.endsWith(TRACES_PATH) ? endpoint : withTracesPath(endpoint);
        } else if (present(env, "OTEL_EXPORTER_OTLP_TRACES_ENDPOINT")) {
            // The signal-specific variable is used as is, per the OpenTelemetry specification.
            traces = env.get("OTEL_EXPORTER_OTLP_TRACES_ENDPOINT").trim();
        } else if (present(env, "OTEL_EXPORTER_OTLP_ENDPOINT")) {
            traces = withTracesPath(env.get("OTEL_EXPORTER_OTLP_ENDPOINT").trim());
        }
        if (traces == null) {
            return null;
        }
        Map<String, String> headers = new LinkedHashMap<>(keyValues(env.get("OTEL_EXPORTER_OTLP_HEADERS")));
        headers.putAll(keyValues(env.get("OTEL_EXPORTER_OTLP_TRACES_HEADERS")));
        Duration timeout = millis(env.get("OTEL_EXPORTER_OTLP_TRACES_TIMEOUT"),
                millis(env.get("OTEL_EXPORTER_OTLP_TIMEOUT"), DEFAULT_TIMEOUT));
        String service = present(env, "OTEL_SERVICE_NAME") ? env.get("OTEL_SERVICE_NAME").trim()
                : DEFAULT_SERVICE_NAME;
        return new OtlpSettings(traces, headers, captureContent, timeout, service,
                keyValues(env.get("OTEL_RESOURCE_ATTRIBUTES")));
    }

    /** Export to {@code tracesEndpoint} with defaults for everything else (tests, embedding). */
    public static OtlpSettings to(String tracesEndpoint, boolean captureContent) {
        return new OtlpSettings(tracesEndpoint, Map.of(), captureContent, DEFAULT_TIMEOUT, DEFAULT_SERVICE_NAME,
                Map.of());
    }

    private static String withTracesPath(String base) {
        return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + TRACES_PATH;
    }

    private static boolean present(Map<String, String> env, String name) {
        return env.get(name) != null && !env.get(name).isBlank();
    }

    /** The W3C-baggage-like {@code key1=value1,key2=value2} list the OTEL_* variables use, values URL-encoded. */
    static Map<String, String> keyValues(String text) {
        Map<String, String> pairs = new LinkedHashMap<>();
        if (text == null || text.isBlank()) {
            return pairs;
        }
        for (String pair : text.split(",")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                pairs.put(pair.substring(0, eq).trim(),
                        URLDecoder.decode(pair.substring(eq + 1).trim(), StandardCharsets.UTF_8));
            }
        }
        return pairs;
    }

    private static Duration millis(String text, Duration fallback) {
        if (text == null || text.isBlank()) {
            return fallback;
        }
        try {
            return Duration.ofMillis(Long.parseLong(text.trim()));
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    @Override
    public String toString() {
        return "OtlpSettings[" + tracesEndpoint + ", headers=" + headers.keySet() + ", captureContent="
                + captureContent + "]";
    }
}
