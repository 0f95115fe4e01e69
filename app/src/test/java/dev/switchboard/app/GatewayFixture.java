package dev.switchboard.app;

import static org.awaitility.Awaitility.await;

import dev.switchboard.gateway.Gateway;
import dev.switchboard.gateway.GatewayConfig;
import dev.switchboard.gateway.Json;
import dev.switchboard.gateway.mock.MockOptions;
import dev.switchboard.gateway.mock.MockProvider;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * A mock provider plus a way to send OpenAI requests through any gateway to it, as a user's application would.
 * Optionally owns a gateway of its own (the "remote" one in tests).
 */
public final class GatewayFixture implements AutoCloseable {
    public static final String ADMIN_TOKEN = "sb-test-admin-token";
    private static final MediaType JSON = MediaType.get("application/json");

    private final MockProvider mock = MockProvider.start(MockOptions.defaults());
    private final OkHttpClient http = new OkHttpClient.Builder().readTimeout(Duration.ofSeconds(30)).build();
    private Gateway gateway;

    /** Starts a gateway of the fixture's own, on a free port, with a known admin token. */
    public GatewayFixture withGateway(Path dataDir) {
        gateway = Gateway.start(GatewayConfig.defaults(dataDir).withPort(0).withAdminToken(ADMIN_TOKEN));
        return this;
    }

    public Gateway gateway() {
        return gateway;
    }

    /** Sends one chat completion through {@code gatewayUrl}; returns the HTTP status. */
    public int send(String gatewayUrl, String model, String content, String metadataJson) {
        String body = Json.write(Json.object().put("model", model).set("messages",
                Json.MAPPER.createArrayNode().add(Json.object().put("role", "user").put("content", content))));
        Request.Builder request = new Request.Builder().url(gatewayUrl + "/v1/chat/completions")
                .header("Authorization", "Bearer sk-test-not-real")
                .header("x-portkey-provider", "openai")
                .header("x-portkey-custom-host", mock.baseUrl() + "/v1")
                .post(RequestBody.create(body, JSON));
        if (metadataJson != null) {
            request.header("x-portkey-metadata", metadataJson);
        }
        try (Response response = http.newCall(request.build()).execute()) {
            response.body().bytes();
            return response.code();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits until the fixture's own gateway has stored {@code count} traces. */
    public void awaitStored(long count) {
        await().atMost(Duration.ofSeconds(20)).until(() -> stored() >= count);
    }

    private long stored() throws SQLException {
        return gateway.traceStore().count();
    }

    @Override
    public void close() {
        if (gateway != null) {
            gateway.close();
        }
        mock.close();
    }
}
