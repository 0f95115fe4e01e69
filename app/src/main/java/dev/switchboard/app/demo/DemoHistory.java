package dev.switchboard.app.demo;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.gateway.Json;
import dev.switchboard.gateway.cost.PriceTable;
import dev.switchboard.gateway.cost.TokenUsage;
import dev.switchboard.gateway.store.TraceStore;
import dev.switchboard.gateway.trace.Span;
import dev.switchboard.gateway.trace.Trace;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A week of made-up history for a fresh demo store, so the usage charts have a shape (busy days, quiet nights,
 * a few error bursts) from the first minute. Written once, straight into the demo gateway's own store; priced with
 * the gateway's own price table. Every trace carries {@code environment=demo} like the live demo traffic.
 */
final class DemoHistory {
    static final Duration SPAN = Duration.ofDays(7);
    private static final String[] USERS = {"ana", "bo", "chen", "dara", "eli"};

    private DemoHistory() {
    }

    /** Writes about {@code perHour} traces an hour over the last week, unless the store already holds traces. */
    static int seedIfEmpty(TraceStore store, PriceTable prices, Instant now, int perHour) throws SQLException {
        if (store.count() > 0) {
            return 0;
        }
        Random random = new Random(42);
        List<Trace> traces = new ArrayList<>();
        Instant start = now.minus(SPAN);
        for (Instant hour = start; hour.isBefore(now.minusSeconds(60)); hour = hour.plus(Duration.ofHours(1))) {
            int local = hour.atZone(ZoneOffset.UTC).getHour();
            double load = local >= 8 && local <= 19 ? 1.0 : 0.25;
            int count = (int) Math.round(perHour * load * (0.7 + 0.6 * random.nextDouble()));
            boolean incident = random.nextInt(40) == 0;
            for (int i = 0; i < count; i++) {
                Instant at = hour.plusMillis(random.nextInt(3_600_000));
                if (at.isBefore(now)) {
                    traces.add(trace(random, prices, at, incident));
                }
            }
        }
        for (int from = 0; from < traces.size(); from += 2_000) {
            store.insert(traces.subList(from, Math.min(traces.size(), from + 2_000)));
        }
        return traces.size();
    }

    private static Trace trace(Random random, PriceTable prices, Instant at, boolean incident) {
        DemoScenario s = DemoScenario.ALL.get(random.nextInt(DemoScenario.ALL.size()));
        boolean failed = random.nextInt(incident ? 3 : 40) == 0;
        int status = failed ? (random.nextBoolean() ? 429 : 503) : 200;
        int input = 20 + random.nextInt(400);
        int output = failed ? 0 : 15 + random.nextInt(300);
        long duration = failed ? 80 + random.nextInt(300) : 300 + output * 12L + random.nextInt(600);
        Long ttft = s.stream() && !failed ? 180L + random.nextInt(250) : null;
        TokenUsage usage = new TokenUsage(input, output, 0, 0, false);
        BigDecimal cost = failed ? null : prices.cost(s.model(), usage, null).orElse(null);
        ObjectNode request = Json.object().put("model", s.model()).put("stream", s.stream());
        ArrayNode messages = request.putArray("messages");
        messages.addObject().put("role", "system").put("content", s.system());
        messages.addObject().put("role", "user").put("content", s.question());
        String response = failed
                ? Json.write(Json.object().set("error", Json.object().put("message",
                        status == 429 ? "Rate limit reached for requests" : "The model is overloaded")))
                : Json.write(Json.object().put("model", s.model()).set("choices", Json.MAPPER.createArrayNode()
                        .add(Json.object().put("index", 0).put("finish_reason", "stop").set("message", Json.object()
                                .put("role", "assistant").put("content", "(demo history) A made-up answer.")))));
        String id = HexFormat.of().formatHex(new byte[] {(byte) random.nextInt(), (byte) random.nextInt(),
            (byte) random.nextInt(), (byte) random.nextInt(), (byte) random.nextInt(), (byte) random.nextInt(),
            (byte) random.nextInt(), (byte) random.nextInt()}) + Long.toHexString(at.toEpochMilli());
        Map<String, String> metadata = Map.of("use_case", s.useCase(), "team", s.team(),
                "user", USERS[random.nextInt(USERS.length)], "environment", "demo");
        Span attempt = new Span(0, "attempt", null, 0, s.provider(), s.model(),
                "http://127.0.0.1/mock" + s.customHostPath(), at, duration - 2, status, failed ? "HTTP " + status : null);
        return new Trace(id, null, at, duration, ttft, status, s.provider(), s.model(), "chat.completions", s.stream(),
                failed ? null : input, failed ? null : output, null, null, false, cost, failed ? null : "stop",
                metadata, failed ? "HTTP " + status : null, null, null, null, null, null, Json.write(request),
                response, Map.of("content-type", "application/json", "authorization", "[redacted]"),
                List.of(attempt), null);
    }
}
