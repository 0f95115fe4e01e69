package dev.switchboard.app.connection;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.app.common.UserMessages;
import dev.switchboard.gateway.Json;
import dev.switchboard.gateway.trace.Trace;
import dev.switchboard.gateway.trace.TracePage;
import dev.switchboard.gateway.trace.TraceQuery;
import dev.switchboard.gateway.trace.UsageBucket;
import dev.switchboard.gateway.trace.UsageGroup;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/** A gateway on another machine, read through its admin HTTP API and its live SSE stream. */
public final class RemoteGatewayClient implements GatewayClient {
    private final HttpUrl base;
    private final String adminToken;
    private final OkHttpClient http;
    private final LiveStream.Factory streams;

    /**
     * @param http one shared client; per-call variations are derived from it
     */
    public RemoteGatewayClient(String baseUrl, String adminToken, OkHttpClient http) {
        this.base = RemoteUrls.parse(baseUrl);
        this.adminToken = adminToken;
        this.http = http;
        this.streams = new LiveStream.Factory(http, this::adminRequest);
    }

    @Override
    public String description() {
        return "Remote: " + RemoteUrls.display(base);
    }

    @Override
    public String baseUrl() {
        return RemoteUrls.display(base);
    }

    @Override
    public TracePage traces(TraceQuery query) {
        JsonNode page = get(TraceQueryParams.apply(url("admin/traces"), query).build());
        List<Trace> items = new ArrayList<>();
        for (JsonNode item : page.path("items")) {
            items.add(Json.MAPPER.convertValue(item, Trace.class));
        }
        return new TracePage(List.copyOf(items), page.path("nextCursor").asText(null));
    }

    @Override
    public long count(TraceQuery query) {
        return get(TraceQueryParams.apply(url("admin/traces/count"), query).build()).path("count").asLong();
    }

    @Override
    public Optional<Trace> trace(String id) {
        HttpUrl url = url("admin/traces").addPathSegment(id).build();
        try (Response response = http.newCall(adminRequest(url)).execute()) {
            if (response.code() == 404) {
                return Optional.empty();
            }
            return Optional.of(Json.MAPPER.convertValue(body(response), Trace.class));
        } catch (IOException e) {
            throw unreachable(e);
        }
    }

    @Override
    public List<UsageGroup> usage(Instant from, Instant to, String groupBy) {
        HttpUrl url = url("admin/usage").addQueryParameter("from", from.toString())
                .addQueryParameter("to", to.toString()).addQueryParameter("groupBy", groupBy).build();
        List<UsageGroup> groups = new ArrayList<>();
        for (JsonNode group : get(url).path("groups")) {
            groups.add(Json.MAPPER.convertValue(group, UsageGroup.class));
        }
        return groups;
    }

    @Override
    public List<UsageBucket> usageSeries(Instant from, Instant to, Duration bucket, String groupBy) {
        HttpUrl url = url("admin/usage/series").addQueryParameter("from", from.toString())
                .addQueryParameter("to", to.toString())
                .addQueryParameter("bucketSeconds", Long.toString(Math.max(1, bucket.toSeconds())))
                .addQueryParameter("groupBy", groupBy).build();
        JsonNode series = get(url);
        Duration width = Duration.ofSeconds(series.path("bucketSeconds").asLong(bucket.toSeconds()));
        List<UsageBucket> buckets = new ArrayList<>();
        for (JsonNode row : series.path("buckets")) {
            buckets.add(new UsageBucket(Instant.parse(row.path("start").asText()), width,
                    Json.MAPPER.convertValue(row, UsageGroup.class)));
        }
        return buckets;
    }

    @Override
    public Health health() {
        long start = System.nanoTime();
        Request request = new Request.Builder().url(url("health").build()).build();
        try (Response response = http.newCall(request).execute()) {
            long latency = (System.nanoTime() - start) / 1_000_000;
            return response.isSuccessful() ? new Health(true, "ok", latency)
                    : new Health(false, "health check answered HTTP " + response.code(), latency);
        } catch (IOException e) {
            return new Health(false, unreachable(e).getMessage(), 0);
        }
    }

    @Override
    public AutoCloseable subscribe(LiveListener listener) {
        return streams.open(url("admin/traces/stream").build(), listener);
    }

    @Override
    public void close() {
        streams.close();
    }

    private HttpUrl.Builder url(String path) {
        return base.newBuilder().addPathSegments(path);
    }

    private Request adminRequest(HttpUrl url) {
        return new Request.Builder().url(url).header("Authorization", "Bearer " + adminToken).build();
    }

    private JsonNode get(HttpUrl url) {
        try (Response response = http.newCall(adminRequest(url)).execute()) {
            return body(response);
        } catch (IOException e) {
            throw unreachable(e);
        }
    }

    private JsonNode body(Response response) throws IOException {
        String text = response.body().string();
        if (!response.isSuccessful()) {
            throw new GatewayClientException(RemoteUrls.errorMessage(response.code(), text));
        }
        try {
            return Json.read(text);
        } catch (RuntimeException e) {
            throw new GatewayClientException("The gateway at " + RemoteUrls.display(base)
                    + " answered with something that is not JSON");
        }
    }

    private GatewayClientException unreachable(IOException e) {
        return new GatewayClientException("Cannot reach " + RemoteUrls.display(base) + ": "
                + UserMessages.of(e), e);
    }
}
