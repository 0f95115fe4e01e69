package dev.switchboard.gateway.mock;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.gateway.Json;
import dev.switchboard.gateway.provider.SseEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import okhttp3.Headers;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/** A real HTTP client for tests against a started {@link MockProvider}, plus an SSE parser for what it streams. */
final class MockHttp {
    /** No silent retries: a dropped connection must reach the test as the error it is. */
    static final OkHttpClient CLIENT = new OkHttpClient.Builder()
            .retryOnConnectionFailure(false)
            .readTimeout(Duration.ofSeconds(10))
            .build();
    private static final MediaType JSON = MediaType.get("application/json");

    private MockHttp() {
    }

    /** A finished exchange: status, headers and the whole body. */
    record Result(int status, Headers headers, String body) {
        JsonNode json() {
            return Json.read(body);
        }

        List<SseEvent> events() {
            return parseSse(body);
        }
    }

    /** POSTs JSON with headers given as name, value, name, value… */
    static Result post(String url, String json, String... headers) {
        try (Response response = CLIENT.newCall(postRequest(url, json, headers)).execute()) {
            return new Result(response.code(), response.headers(), response.body().string());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Result get(String url) {
        try (Response response = CLIENT.newCall(new Request.Builder().url(url).build()).execute()) {
            return new Result(response.code(), response.headers(), response.body().string());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Request postRequest(String url, String json, String... headers) {
        return new Request.Builder().url(url).headers(Headers.of(headers)).post(RequestBody.create(json, JSON)).build();
    }

    /** Splits an SSE body into events: blank lines end events, {@code event:} names them, {@code data:} fills them. */
    static List<SseEvent> parseSse(String body) {
        List<SseEvent> events = new ArrayList<>();
        for (String block : body.split("\n\n")) {
            String name = null;
            StringBuilder data = new StringBuilder();
            for (String line : block.split("\n")) {
                if (line.startsWith("event: ")) {
                    name = line.substring("event: ".length());
                } else if (line.startsWith("data: ")) {
                    data.append(line.substring("data: ".length()));
                }
            }
            if (!data.isEmpty()) {
                events.add(new SseEvent(name, data.toString()));
            }
        }
        return events;
    }

    static List<JsonNode> jsonData(List<SseEvent> events) {
        return events.stream().filter(e -> !"[DONE]".equals(e.data())).map(e -> Json.read(e.data())).toList();
    }
}
