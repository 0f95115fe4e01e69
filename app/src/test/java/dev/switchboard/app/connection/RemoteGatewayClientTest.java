package dev.switchboard.app.connection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.switchboard.app.GatewayFixture;
import dev.switchboard.gateway.Gateway;
import dev.switchboard.gateway.GatewayConfig;
import dev.switchboard.gateway.trace.Trace;
import dev.switchboard.gateway.trace.TraceQuery;
import dev.switchboard.gateway.trace.UsageGroup;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The remote client against a real gateway: the same answers as in process, and a live stream that heals. */
class RemoteGatewayClientTest {
    @TempDir
    Path dataDir;
    private GatewayFixture fixture;
    private RemoteGatewayClient remote;
    private final OkHttpClient http = new OkHttpClient();

    @BeforeEach
    void start() {
        fixture = new GatewayFixture().withGateway(dataDir);
        remote = new RemoteGatewayClient(fixture.gateway().baseUrl() + "/v1", GatewayFixture.ADMIN_TOKEN, http);
    }

    @AfterEach
    void stop() {
        remote.close();
        fixture.close();
    }

    @Test
    void readsTracesCountsDetailsAndUsageLikeTheEmbeddedClient() {
        String url = fixture.gateway().baseUrl();
        fixture.send(url, "gpt-4o-mini", "hello", "{\"team\":\"search\"}");
        fixture.send(url, "gpt-4o", "hello again", "{\"team\":\"core\"}");
        fixture.awaitStored(2);
        EmbeddedGatewayClient local = new EmbeddedGatewayClient(fixture.gateway(), "local");

        TraceQuery search = new TraceQuery(10, null, null, null, null, null, null, null, null, "team", "search",
                null, null);
        assertThat(remote.traces(TraceQuery.latest(10)).items()).isEqualTo(local.traces(TraceQuery.latest(10)).items());
        assertThat(remote.count(search)).isEqualTo(1);
        Trace detail = remote.trace(remote.traces(search).items().getFirst().id()).orElseThrow();
        assertThat(detail.requestBody()).contains("hello");
        assertThat(detail.requestHeaders()).containsEntry("authorization", "[redacted]");
        List<UsageGroup> usage = remote.usage(Instant.now().minusSeconds(600), Instant.now().plusSeconds(60), "model");
        assertThat(usage).extracting(UsageGroup::key).containsExactlyInAnyOrder("gpt-4o-mini", "gpt-4o");
        assertThat(remote.usageSeries(Instant.now().minusSeconds(600), Instant.now().plusSeconds(60),
                Duration.ofMinutes(1), "none")).isNotEmpty();
        assertThat(remote.trace("no-such-trace")).isEmpty();
    }

    @Test
    void aWrongTokenOrAnUnreachableHostReadsAsASentence() {
        RemoteGatewayClient wrong = new RemoteGatewayClient(fixture.gateway().baseUrl(), "nope", http);
        assertThatThrownBy(() -> wrong.count(TraceQuery.latest(1))).isInstanceOf(GatewayClientException.class)
                .hasMessage("The gateway refused the admin token (HTTP 401)");
        RemoteGatewayClient nowhere = new RemoteGatewayClient("http://127.0.0.1:1", "x", http);
        assertThat(nowhere.health().up()).isFalse();
        assertThatThrownBy(() -> new ConnectionChecker(() -> http).check("http://127.0.0.1:1", "x"))
                .hasMessageStartingWith("Cannot reach http://127.0.0.1:1");
    }

    @Test
    void theLiveStreamDeliversTracesAndReconnectsAfterTheGatewayRestarts() throws Exception {
        List<Trace> seen = new CopyOnWriteArrayList<>();
        List<GatewayClient.LinkState> states = new CopyOnWriteArrayList<>();
        AutoCloseable subscription = remote.subscribe(new GatewayClient.LiveListener() {
            @Override
            public void onTrace(Trace trace) {
                seen.add(trace);
            }

            @Override
            public void onLinkState(GatewayClient.LinkState state, String detail) {
                states.add(state);
            }
        });
        await().atMost(Duration.ofSeconds(10)).until(() -> states.contains(GatewayClient.LinkState.LIVE));
        int port = fixture.gateway().port();
        fixture.send(fixture.gateway().baseUrl(), "gpt-4o-mini", "first", null);
        await().atMost(Duration.ofSeconds(10)).until(() -> seen.size() == 1);

        fixture.gateway().close();
        await().atMost(Duration.ofSeconds(10)).until(() -> states.contains(GatewayClient.LinkState.RECONNECTING));
        try (Gateway again = Gateway.start(GatewayConfig.defaults(dataDir).withPort(port)
                .withAdminToken(GatewayFixture.ADMIN_TOKEN))) {
            await().atMost(Duration.ofSeconds(20)).until(() -> states.getLast() == GatewayClient.LinkState.LIVE);
            fixture.send(again.baseUrl(), "gpt-4o", "after restart", null);
            await().atMost(Duration.ofSeconds(10)).until(() -> seen.size() == 2);
            assertThat(seen.getLast().model()).isEqualTo("gpt-4o");
        } finally {
            subscription.close();
        }
    }
}
