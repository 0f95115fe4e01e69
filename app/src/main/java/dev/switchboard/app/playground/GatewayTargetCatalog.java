package dev.switchboard.app.playground;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.app.routing.GovernanceClient;
import dev.switchboard.gateway.Json;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Reads the catalog from the connected gateway: {@code GET /v1/models} without a provider lists every model it has
 * a price for (the bundled table), grouped by the provider that serves it; virtual keys come from the Routing &amp;
 * keys admin API when it is available.
 */
public final class GatewayTargetCatalog implements TargetCatalog {
    private final Supplier<String> baseUrl;
    private final Supplier<OkHttpClient> http;
    private final Supplier<GovernanceClient> governance;

    public GatewayTargetCatalog(Supplier<String> baseUrl, Supplier<OkHttpClient> http,
                                Supplier<GovernanceClient> governance) {
        this.baseUrl = baseUrl;
        this.http = http;
        this.governance = governance;
    }

    @Override
    public Map<String, List<String>> models() {
        String base = baseUrl.get();
        if (base == null) {
            return Map.of();
        }
        Request request = new Request.Builder().url(base + "/v1/models").get().build();
        try (Response response = http.get().newCall(request).execute()) {
            if (!response.isSuccessful()) {
                throw new IOException("the gateway answered HTTP " + response.code() + " to /v1/models");
            }
            Map<String, List<String>> byProvider = new TreeMap<>();
            for (JsonNode model : Json.read(response.body().bytes()).path("data")) {
                byProvider.computeIfAbsent(model.path("owned_by").asText("openai"), p -> new java.util.ArrayList<>())
                        .add(model.path("id").asText());
            }
            byProvider.values().forEach(names -> names.sort(null));
            return byProvider;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Override
    public Map<String, String> virtualKeys() {
        GovernanceClient client = governance.get();
        if (client == null) {
            return Map.of();
        }
        return client.virtualKeys().stream().collect(Collectors.toMap(GovernanceClient.VirtualKey::id,
                GovernanceClient.VirtualKey::provider, (a, b) -> a, TreeMap::new));
    }
}
