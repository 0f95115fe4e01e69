package dev.switchboard.app.demo;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.gateway.Json;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends demo requests through the demo gateway to the mock provider: a few a second, across providers, models,
 * use cases and teams, some streamed, some with tool calls, and now and then a failure, as real traffic looks.
 */
final class DemoTraffic implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DemoTraffic.class);
    private static final MediaType JSON = MediaType.get("application/json");
    private static final String[] USERS = {"ana", "bo", "chen", "dara", "eli"};

    private final String gatewayUrl;
    private final String mockUrl;
    private final OkHttpClient http;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("switchboard-demo-traffic").daemon(true).factory());
    private final ExecutorService senders = Executors.newVirtualThreadPerTaskExecutor();

    DemoTraffic(String gatewayUrl, String mockUrl, OkHttpClient http) {
        this.gatewayUrl = gatewayUrl;
        this.mockUrl = mockUrl;
        this.http = http;
    }

    /** Sends {@code burst} requests at once (so charts have something to show), then one every {@code every}. */
    DemoTraffic start(int burst, Duration every) {
        for (int i = 0; i < burst; i++) {
            senders.execute(this::sendOne);
        }
        scheduler.scheduleWithFixedDelay(() -> senders.execute(this::sendOne), every.toMillis(), every.toMillis(),
                TimeUnit.MILLISECONDS);
        return this;
    }

    private void sendOne() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        DemoScenario s = DemoScenario.ALL.get(random.nextInt(DemoScenario.ALL.size()));
        String fault = random.nextInt(20) == 0 ? " [mock:error " + (random.nextBoolean() ? 429 : 503) + "]" : "";
        String slow = random.nextInt(12) == 0 ? " [mock:slow " + random.nextInt(800, 2500) + "]" : "";
        ObjectNode body = Json.object().put("model", s.model()).put("stream", s.stream());
        ArrayNode messages = body.putArray("messages");
        messages.addObject().put("role", "system").put("content", s.system());
        messages.addObject().put("role", "user").put("content", s.question() + fault + slow);
        if (s.withTool()) {
            ObjectNode function = body.putArray("tools").addObject().put("type", "function").putObject("function");
            function.put("name", "get_order_status").put("description", "Look up an order by its number");
            ObjectNode parameters = function.putObject("parameters").put("type", "object");
            parameters.putObject("properties").putObject("order_id").put("type", "string");
            parameters.putArray("required").add("order_id");
        }
        if (s.stream()) {
            body.putObject("stream_options").put("include_usage", true);
        }
        ObjectNode metadata = Json.object().put("use_case", s.useCase()).put("team", s.team())
                .put("user", USERS[random.nextInt(USERS.length)]).put("environment", "demo");
        Request request = new Request.Builder().url(gatewayUrl + "/v1/chat/completions")
                .header("Authorization", "Bearer demo-key-not-a-real-one")
                .header("x-portkey-provider", s.provider())
                .header("x-portkey-custom-host", mockUrl + s.customHostPath())
                .header("x-portkey-metadata", Json.write(metadata))
                .post(RequestBody.create(Json.write(body), JSON)).build();
        try (Response response = http.newCall(request).execute()) {
            response.body().bytes();
        } catch (IOException e) {
            LOG.debug("Demo request failed: {}", e.getMessage());
        }
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
        // No interrupt: requests in flight finish in a second; interrupting OkHttp mid-call only prints noise.
        senders.shutdown();
    }
}
