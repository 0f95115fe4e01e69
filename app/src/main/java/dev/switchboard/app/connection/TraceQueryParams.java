package dev.switchboard.app.connection;

import dev.switchboard.gateway.trace.TraceQuery;
import okhttp3.HttpUrl;

/** A {@link TraceQuery} as the admin API's query parameters. */
final class TraceQueryParams {
    private TraceQueryParams() {
    }

    static HttpUrl.Builder apply(HttpUrl.Builder url, TraceQuery q) {
        add(url, "limit", q.limit());
        add(url, "cursor", q.cursor());
        add(url, "provider", q.provider());
        add(url, "model", q.model());
        add(url, "status", q.status());
        add(url, "q", q.text());
        add(url, "prompt", q.promptName());
        add(url, "from", q.from());
        add(url, "to", q.to());
        if (q.metadataKey() != null) {
            url.addQueryParameter("metadata",
                    q.metadataValue() == null ? q.metadataKey() : q.metadataKey() + "=" + q.metadataValue());
        }
        add(url, "minDurationMs", q.minDurationMs());
        add(url, "minCostUsd", q.minCostUsd() == null ? null : q.minCostUsd().toPlainString());
        return url;
    }

    private static void add(HttpUrl.Builder url, String name, Object value) {
        if (value != null && !value.toString().isBlank()) {
            url.addQueryParameter(name, value.toString());
        }
    }
}
