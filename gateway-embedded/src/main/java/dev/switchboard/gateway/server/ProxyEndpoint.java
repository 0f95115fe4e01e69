package dev.switchboard.gateway.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.gateway.provider.ProviderAdapter;
import dev.switchboard.gateway.provider.Target;
import dev.switchboard.gateway.provider.UpstreamRequest;

/** The inbound OpenAI endpoints the gateway proxies, each with the adapter calls that translate it. */
public enum ProxyEndpoint {
    CHAT("chat.completions", "messages") {
        @Override
        UpstreamRequest request(ProviderAdapter adapter, ObjectNode body, Target target) {
            return adapter.chatRequest(body, target);
        }

        @Override
        ObjectNode response(ProviderAdapter adapter, JsonNode upstream, ObjectNode body) {
            return adapter.chatResponse(upstream, body);
        }
    },
    EMBEDDINGS("embeddings", "input") {
        @Override
        UpstreamRequest request(ProviderAdapter adapter, ObjectNode body, Target target) {
            return adapter.embeddingsRequest(body, target);
        }

        @Override
        ObjectNode response(ProviderAdapter adapter, JsonNode upstream, ObjectNode body) {
            return adapter.embeddingsResponse(upstream, body);
        }
    },
    COMPLETIONS("completions", "prompt") {
        @Override
        UpstreamRequest request(ProviderAdapter adapter, ObjectNode body, Target target) {
            return adapter.completionsRequest(body, target);
        }

        @Override
        ObjectNode response(ProviderAdapter adapter, JsonNode upstream, ObjectNode body) {
            return adapter.completionsResponse(upstream, body);
        }
    };

    private final String traceName;
    private final String inputField;

    ProxyEndpoint(String traceName, String inputField) {
        this.traceName = traceName;
        this.inputField = inputField;
    }

    /** The endpoint's name on traces. */
    String traceName() {
        return traceName;
    }

    /** The body field that must be present: {@code messages}, {@code input} or {@code prompt}. */
    String inputField() {
        return inputField;
    }

    abstract UpstreamRequest request(ProviderAdapter adapter, ObjectNode body, Target target);

    abstract ObjectNode response(ProviderAdapter adapter, JsonNode upstream, ObjectNode body);
}
