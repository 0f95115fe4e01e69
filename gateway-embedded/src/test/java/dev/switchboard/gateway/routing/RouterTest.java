package dev.switchboard.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.gateway.GatewayException;
import dev.switchboard.gateway.Json;
import dev.switchboard.gateway.provider.ProviderCatalog;
import dev.switchboard.gateway.routing.AttemptResult.Failure;
import dev.switchboard.gateway.routing.AttemptResult.Success;
import dev.switchboard.gateway.routing.RouteNode.TargetNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class RouterTest {
    private final ConfigParser parser = new ConfigParser(new ProviderCatalog());
    private final List<Duration> sleeps = new ArrayList<>();
    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-01-01T00:00:00Z"));
    private final CircuitBreakers breakers = new CircuitBreakers(3, Duration.ofSeconds(30),
            new Clock() {
                @Override
                public ZoneOffset getZone() {
                    return ZoneOffset.UTC;
                }

                @Override
                public Clock withZone(java.time.ZoneId zone) {
                    return this;
                }

                @Override
                public Instant instant() {
                    return now.get();
                }
            });
    private final Router router = new Router(breakers, sleeps::add);
    /** Scripted answers per provider: each call takes the next status (the last one repeats). */
    private final Map<String, List<Integer>> script = new HashMap<>();
    private final List<String> calls = new ArrayList<>();
    private final List<String> skipped = new ArrayList<>();

    private Router.Outcome run(String config, JsonNode context) {
        RoutingConfig parsed = parser.parse(Json.read(config), Duration.ofSeconds(5));
        return router.route(parsed.root(), context, this::attempt, t -> skipped.add(t.path()));
    }

    private Router.Outcome run(String config) {
        return run(config, Json.read("{\"metadata\":{},\"params\":{}}"));
    }

    private AttemptResult attempt(TargetNode target, int retry) {
        String name = target.name() != null ? target.name() : target.provider();
        calls.add(name + "#" + retry);
        List<Integer> statuses = script.getOrDefault(name, List.of(200));
        int status = statuses.get(Math.min(retry, statuses.size() - 1));
        if (status == 200) {
            return new Success(null, target, name);
        }
        return new Failure(status, new GatewayException(status, "api_error", null, null, "status " + status),
                status == 429 ? "2" : null);
    }

    @Test
    void fallsBackToTheNextTargetOnTheListedStatuses() {
        script.put("primary", List.of(503));

        Router.Outcome outcome = run("""
                {"strategy":{"mode":"fallback","on_status_codes":[503]},
                 "targets":[{"name":"primary","provider":"openai"},{"name":"backup","provider":"anthropic"}]}""");

        assertThat(calls).containsExactly("primary#0", "backup#0");
        assertThat(outcome.result()).isInstanceOf(Success.class);
        assertThat(outcome.lastUsedPath()).isEqualTo("config.targets[1]");
    }

    @Test
    void doesNotFallBackOnStatusesNotListed() {
        script.put("primary", List.of(400));

        Router.Outcome outcome = run("""
                {"strategy":{"mode":"fallback","on_status_codes":[500,503]},
                 "targets":[{"name":"primary","provider":"openai"},{"name":"backup","provider":"anthropic"}]}""");

        assertThat(calls).containsExactly("primary#0");
        assertThat(((Failure) outcome.result()).status()).isEqualTo(400);
    }

    @Test
    void retriesWithBackoffAndHonoursRetryAfter() {
        script.put("openai", List.of(429, 500, 200));

        Router.Outcome outcome = run("""
                {"provider":"openai","retry":{"attempts":3,"use_retry_after_header":true}}""");

        assertThat(calls).containsExactly("openai#0", "openai#1", "openai#2");
        assertThat(outcome.retries()).isEqualTo(2);
        assertThat(sleeps.getFirst()).as("Retry-After: 2").isEqualTo(Duration.ofSeconds(2));
        assertThat(sleeps.get(1)).isBetween(Duration.ofMillis(250), Duration.ofMillis(500));
    }

    @Test
    void stopsRetryingAfterTheConfiguredAttempts() {
        script.put("openai", List.of(502));

        Router.Outcome outcome = run("{\"provider\":\"openai\",\"retry\":{\"attempts\":2}}");

        assertThat(calls).hasSize(3);
        assertThat(((Failure) outcome.result()).status()).isEqualTo(502);
    }

    @Test
    void retriesEachFallbackTargetBeforeMovingOn() {
        script.put("a", List.of(500));

        run("""
                {"retry":{"attempts":1},"strategy":{"mode":"fallback"},
                 "targets":[{"name":"a","provider":"openai"},{"name":"b","provider":"openai"}]}""");

        assertThat(calls).containsExactly("a#0", "a#1", "b#0");
    }

    @Test
    void balancesLoadByWeight() {
        Map<String, Integer> counts = new HashMap<>();
        for (int i = 0; i < 2000; i++) {
            calls.clear();
            run("""
                    {"strategy":{"mode":"loadbalance"},
                     "targets":[{"name":"big","provider":"openai","weight":0.75},
                                {"name":"small","provider":"openai","weight":0.25},
                                {"name":"off","provider":"openai","weight":0}]}""");
            counts.merge(calls.getFirst(), 1, Integer::sum);
        }
        assertThat(counts.get("big#0")).isBetween(1350, 1650);
        assertThat(counts.get("small#0")).isBetween(350, 650);
        assertThat(counts).doesNotContainKey("off#0");
    }

    @Test
    void routesByConditionsOverMetadataAndParams() {
        String config = """
                {"strategy":{"mode":"conditional","conditions":[
                   {"query":{"$and":[{"metadata.plan":{"$eq":"paid"}},{"params.max_tokens":{"$gte":1000}}]},"then":"big"},
                   {"query":{"$or":[{"metadata.region":{"$in":["eu","uk"]}},{"params.model":{"$regex":"^mini"}}]},"then":"eu"}],
                  "default":"cheap"},
                 "targets":[{"name":"big","provider":"openai"},{"name":"eu","provider":"mistral-ai"},
                            {"name":"cheap","provider":"groq"}]}""";

        run(config, Json.read("{\"metadata\":{\"plan\":\"paid\"},\"params\":{\"max_tokens\":2000}}"));
        run(config, Json.read("{\"metadata\":{\"plan\":\"paid\",\"region\":\"uk\"},\"params\":{\"max_tokens\":10}}"));
        run(config, Json.read("{\"metadata\":{},\"params\":{\"model\":\"mini-1\"}}"));
        run(config, Json.read("{\"metadata\":{\"plan\":\"free\"},\"params\":{}}"));

        assertThat(calls).containsExactly("big#0", "eu#0", "eu#0", "cheap#0");
    }

    @Test
    void supportsEveryComparisonOperator() {
        JsonNode context = Json.read("{\"metadata\":{\"tier\":\"3\",\"team\":\"core\"},\"params\":{\"temperature\":0.5}}");
        assertThat(ConditionQuery.matches(Json.read("{\"metadata.tier\":{\"$gt\":2,\"$lt\":4}}"), context)).isTrue();
        assertThat(ConditionQuery.matches(Json.read("{\"metadata.tier\":{\"$gte\":3,\"$lte\":3}}"), context)).isTrue();
        assertThat(ConditionQuery.matches(Json.read("{\"metadata.team\":{\"$ne\":\"ml\"}}"), context)).isTrue();
        assertThat(ConditionQuery.matches(Json.read("{\"metadata.team\":{\"$nin\":[\"ml\",\"ops\"]}}"), context))
                .isTrue();
        assertThat(ConditionQuery.matches(Json.read("{\"params.temperature\":0.5}"), context)).isTrue();
        assertThat(ConditionQuery.matches(Json.read("{\"metadata.missing\":{\"$lt\":5}}"), context)).isFalse();
        assertThat(ConditionQuery.matches(Json.read("{\"metadata.team\":{\"$regex\":\"^co\"}}"), context)).isTrue();
    }

    @Test
    void routesThroughNestedStrategies() {
        script.put("a", List.of(500));
        script.put("b", List.of(500));

        Router.Outcome outcome = run("""
                {"strategy":{"mode":"fallback"},"targets":[
                   {"strategy":{"mode":"fallback"},"targets":[{"name":"a","provider":"openai"},{"name":"b","provider":"openai"}]},
                   {"name":"c","provider":"anthropic"}]}""");

        assertThat(calls).containsExactly("a#0", "b#0", "c#0");
        assertThat(outcome.lastUsedPath()).isEqualTo("config.targets[1]");
    }

    @Test
    void skipsATargetThatKeepsFailingUntilItsCoolDownEnds() {
        String config = """
                {"strategy":{"mode":"fallback"},
                 "targets":[{"name":"flaky","provider":"openai"},{"name":"steady","provider":"anthropic"}]}""";
        script.put("flaky", List.of(500));
        for (int i = 0; i < 3; i++) {
            run(config);
        }
        calls.clear();

        run(config);
        assertThat(calls).containsExactly("steady#0");
        assertThat(skipped).containsExactly("config.targets[0]");
        assertThat(breakers.snapshot()).singleElement().satisfies(c -> assertThat(c.state()).isEqualTo("open"));

        now.set(now.get().plusSeconds(31));
        script.put("flaky", List.of(200));
        calls.clear();
        run(config);
        assertThat(calls).containsExactly("flaky#0");
        assertThat(breakers.snapshot()).isEmpty();
    }

    @Test
    void reportsBadConfigsWithTheirJsonPath() {
        assertThatThrownBy(() -> run("{\"strategy\":{\"mode\":\"roundrobin\"},\"targets\":[{\"provider\":\"openai\"}]}"))
                .isInstanceOfSatisfying(GatewayException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.param()).isEqualTo("config.strategy.mode");
                });
        assertThatThrownBy(() -> run("{\"targets\":[{\"provider\":\"openai\"},{\"provider\":\"nope\"}]}"))
                .isInstanceOfSatisfying(GatewayException.class,
                        e -> assertThat(e.param()).isEqualTo("config.targets[1].provider"));
        assertThatThrownBy(() -> run("{\"provider\":\"openai\",\"retry\":{\"attempts\":9}}"))
                .hasMessageContaining("config.retry.attempts");
        assertThatThrownBy(() -> run("{\"strategy\":{\"mode\":\"conditional\",\"conditions\":[{\"query\":"
                + "{\"metadata.x\":1},\"then\":\"ghost\"}]},\"targets\":[{\"name\":\"a\",\"provider\":\"openai\"}]}"))
                .hasMessageContaining("config.strategy.conditions[0].then").hasMessageContaining("ghost");
        assertThatThrownBy(() -> run("{\"cache\":{\"mode\":\"semantic\"},\"provider\":\"openai\"}"))
                .hasMessageContaining("not supported yet");
        assertThatThrownBy(() -> run("{\"targets\":[]}")).hasMessageContaining("config.targets");
        assertThatThrownBy(() -> run("{\"strategy\":{\"mode\":\"conditional\",\"conditions\":[{\"query\":"
                + "{\"user.x\":1},\"then\":\"a\"}]},\"targets\":[{\"name\":\"a\",\"provider\":\"openai\"}]}"))
                .hasMessageContaining("metadata. or params.");
    }
}
