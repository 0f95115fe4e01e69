package dev.switchboard.app.connection;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.gateway.Json;
import java.util.ArrayList;
import java.util.List;
import okhttp3.HttpUrl;

/** Reading and showing a remote gateway's address, and its error answers, the same way everywhere. */
final class RemoteUrls {
    private RemoteUrls() {
    }

    /** Accepts {@code host:port} without a scheme too; rejects anything that is not http(s). */
    static HttpUrl parse(String text) {
        String trimmed = text == null ? "" : text.trim();
        if (trimmed.isEmpty()) {
            throw new GatewayClientException("Enter the gateway's URL, e.g. https://gateway.example.com");
        }
        String withScheme = trimmed.contains("://") ? trimmed : "http://" + trimmed;
        HttpUrl url = HttpUrl.parse(withScheme);
        if (url == null) {
            throw new GatewayClientException("'" + trimmed + "' is not an http(s) URL");
        }
        // Admin paths are resolved under the URL, so a trailing /v1 that users copy from their SDK config is dropped.
        HttpUrl.Builder builder = url.newBuilder().query(null).fragment(null);
        List<String> segments = new ArrayList<>(url.pathSegments());
        segments.removeIf(String::isEmpty);
        if (!segments.isEmpty() && segments.getLast().equals("v1")) {
            segments.removeLast();
        }
        builder.encodedPath("/");
        segments.forEach(builder::addPathSegment);
        return builder.build();
    }

    static String display(HttpUrl url) {
        String text = url.toString();
        return text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
    }

    /** The gateway's OpenAI-style {@code error.message}, with the status a user needs to act on. */
    static String errorMessage(int status, String body) {
        String message = null;
        try {
            JsonNode json = Json.read(body);
            message = json.path("error").path("message").asText(null);
        } catch (RuntimeException notJson) {
            // fall through to the status alone
        }
        if (status == 401 || status == 403) {
            return "The gateway refused the admin token (HTTP " + status + ")";
        }
        return "The gateway answered HTTP " + status + (message == null ? "" : ": " + message);
    }
}
