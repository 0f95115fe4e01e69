package dev.switchboard.app.connection;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.app.common.UserMessages;
import dev.switchboard.gateway.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * One gateway's admin API over HTTP, for the pages that manage it (routing and keys, prompts): authorised calls,
 * answers as JSON or as raw bytes, and every failure as one sentence a user can read, thrown as the calling
 * feature's own exception type. Bodies carry secrets (provider keys), so nothing here logs a request or a body.
 */
public final class AdminHttp {
    public static final MediaType JSON = MediaType.get("application/json");

    /** Makes the calling feature's exception; {@code status} is 0 when the gateway could not be reached. */
    @FunctionalInterface
    public interface Failure {
        RuntimeException of(int status, String message, Throwable cause);
    }

    private final HttpUrl base;
    private final String adminToken;
    private final OkHttpClient http;
    private final String feature;
    private final Failure failure;
    private final String user;

    /**
     * @param baseUrl the gateway's root, e.g. {@code http://127.0.0.1:8787}
     * @param http    one shared client; this class only builds requests on it
     * @param feature what an old gateway without the endpoints lacks, for its 404, e.g. "routing and keys"
     */
    public AdminHttp(String baseUrl, String adminToken, OkHttpClient http, String feature, Failure failure) {
        this(baseUrl, adminToken, http, feature, failure, null);
    }

    /**
     * @param user sent as {@code x-switchboard-user}, which the gateway records as the author of prompt versions
     *             and label moves; null to send none
     */
    public AdminHttp(String baseUrl, String adminToken, OkHttpClient http, String feature, Failure failure,
                     String user) {
        HttpUrl parsed = baseUrl == null ? null : HttpUrl.parse(baseUrl.trim());
        if (parsed == null) {
            throw failure.of(0, "'" + baseUrl + "' is not an http(s) URL", null);
        }
        this.base = parsed;
        this.adminToken = adminToken;
        this.http = http;
        this.feature = feature;
        this.failure = failure;
        this.user = user;
    }

    /** Where the admin API lives, for messages. */
    public String baseUrl() {
        String text = base.toString();
        return text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
    }

    /** A URL under the gateway's root; add path segments and query parameters to it. */
    public HttpUrl.Builder url() {
        return base.newBuilder();
    }

    /** A call with an optional JSON body whose answer is JSON (an empty answer reads as {@code {}}). */
    public JsonNode json(String method, HttpUrl url, JsonNode body) {
        String text = new String(bytes(method, url, body == null ? null : Json.writeBytes(body), JSON),
                StandardCharsets.UTF_8);
        if (text.isBlank()) {
            return Json.object();
        }
        try {
            return Json.read(text);
        } catch (RuntimeException notJson) {
            throw failure.of(200, "The gateway at " + baseUrl() + " answered with something that is not JSON", null);
        }
    }

    /** A call whose answer is taken as it comes, e.g. an exported file. */
    public byte[] bytes(String method, HttpUrl url, byte[] body, MediaType type) {
        Request.Builder request = new Request.Builder().url(url)
                .header("Authorization", "Bearer " + adminToken)
                .method(method, body == null ? null : RequestBody.create(body, type));
        if (user != null) {
            request.header("x-switchboard-user", user);
        }
        String path = url.encodedPath().substring(1);
        try (Response response = http.newCall(request.build()).execute()) {
            byte[] answer = response.body().bytes();
            if (!response.isSuccessful()) {
                throw failure.of(response.code(), errorMessage(method, path, response.code(),
                        new String(answer, StandardCharsets.UTF_8)), null);
            }
            return answer;
        } catch (IOException e) {
            throw failure.of(0, "Cannot reach the gateway at " + baseUrl() + ": " + UserMessages.of(e), e);
        }
    }

    /** The gateway's {@code error.message} when it sent one: it names the JSON path of a bad config, for instance. */
    String errorMessage(String method, String path, int status, String body) {
        String message = null;
        try {
            message = Json.read(body).path("error").path("message").asText(null);
        } catch (RuntimeException notJson) {
            // the status alone then
        }
        if (status == 401 || status == 403) {
            return "The gateway refused the admin token (HTTP " + status + ")";
        }
        if (status == 404 && (message == null || message.startsWith("No route for"))) {
            return "This gateway has no /" + path + " (HTTP 404): it predates " + feature + "; update it";
        }
        if (message == null || message.isBlank()) {
            return "The gateway answered HTTP " + status + " to " + method + " /" + path;
        }
        return message;
    }
}
