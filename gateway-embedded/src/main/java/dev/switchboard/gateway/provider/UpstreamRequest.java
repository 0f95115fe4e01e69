package dev.switchboard.gateway.provider;

import java.util.Map;

/** One HTTP call the gateway makes to a provider: method, full URL, headers (including auth) and JSON body. */
public record UpstreamRequest(String method, String url, Map<String, String> headers, byte[] body) {
    public UpstreamRequest {
        headers = Map.copyOf(headers);
    }

    public static UpstreamRequest post(String url, Map<String, String> headers, byte[] body) {
        return new UpstreamRequest("POST", url, headers, body);
    }

    public static UpstreamRequest get(String url, Map<String, String> headers) {
        return new UpstreamRequest("GET", url, headers, null);
    }

    @Override
    public String toString() {
        return "UpstreamRequest[" + method + " " + url + "]";
    }
}
