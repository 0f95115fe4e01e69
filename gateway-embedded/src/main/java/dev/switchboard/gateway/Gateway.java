package dev.switchboard.gateway;

import dev.switchboard.gateway.admin.AdminAuth;
import dev.switchboard.gateway.admin.AdminRoutes;
import dev.switchboard.gateway.admin.GovernanceRoutes;
import dev.switchboard.gateway.cache.ResponseCache;
import dev.switchboard.gateway.keys.ApiKeyGuard;
import dev.switchboard.gateway.keys.ApiKeyStore;
import dev.switchboard.gateway.keys.GatewaySettings;
import dev.switchboard.gateway.keys.SecretBox;
import dev.switchboard.gateway.keys.UsageCounters;
import dev.switchboard.gateway.keys.VirtualKeyStore;
import dev.switchboard.gateway.routing.ConfigParser;
import dev.switchboard.gateway.routing.ConfigStore;
import dev.switchboard.gateway.routing.VirtualKeyTester;
import dev.switchboard.gateway.store.Sql;
import dev.switchboard.gateway.cost.PriceTable;
import dev.switchboard.gateway.cost.TokenEstimator;
import dev.switchboard.gateway.provider.ProviderCatalog;
import dev.switchboard.gateway.provider.UpstreamClient;
import dev.switchboard.gateway.routing.CircuitBreakers;
import dev.switchboard.gateway.routing.RouteResolver;
import dev.switchboard.gateway.routing.Router;
import dev.switchboard.gateway.prompts.PromptAdminRoutes;
import dev.switchboard.gateway.prompts.PromptApiRoutes;
import dev.switchboard.gateway.server.GatewayServer;
import dev.switchboard.gateway.server.ProxyHandler;
import dev.switchboard.gateway.store.Database;
import dev.switchboard.gateway.store.ReplicaFeed;
import dev.switchboard.gateway.store.Retention;
import dev.switchboard.gateway.store.TraceStore;
import dev.switchboard.gateway.telemetry.GatewayMetrics;
import dev.switchboard.gateway.telemetry.OpsRoutes;
import dev.switchboard.gateway.telemetry.OtlpExport;
import dev.switchboard.gateway.trace.TraceAssembler;
import dev.switchboard.gateway.trace.TraceFeed;
import dev.switchboard.gateway.trace.TraceWriter;
import dev.switchboard.prompts.PromptLibrary;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One running gateway: database, trace pipeline and HTTP server, wired here and nowhere else. The desktop app
 * embeds it; the headless main runs it on a server. {@link #close()} stops it without losing queued traces.
 */
public final class Gateway implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Gateway.class);
    private static final int TRACE_QUEUE_CAPACITY = 100_000;
    /** A fifth of the heap, at most 64 MB: seconds of traffic at full load, minutes of a database outage. */
    private static final long TRACE_MEMORY_BYTES = HeapBudget.bytes(20, 64L * 1024 * 1024);
    private static final int TRACE_BATCH = 500;
    /** Group-commit window: a trace is stored (and shown live) at most this much after its request ends. */
    private static final Duration TRACE_FLUSH = Duration.ofMillis(50);
    private static final int CIRCUIT_THRESHOLD = 5;
    private static final Duration CIRCUIT_COOL_DOWN = Duration.ofSeconds(30);
    private static final Duration RETENTION_INTERVAL = Duration.ofMinutes(10);

    private final GatewayConfig config;
    private final String adminToken;
    private final Database database;
    private final TraceStore traceStore;
    private final TraceFeed traceFeed;
    private final PromptLibrary prompts;
    private final PriceTable prices;
    private final TraceWriter traceWriter;
    private final UpstreamClient upstream;
    private final ExecutorService background;
    private final GatewayServer server;
    private final Team team;
    private final Retention retention;

    /** What a gateway adds for teams and operators: metrics, OpenTelemetry export, other replicas' traces. */
    private record Team(String replicaId, GatewayMetrics metrics, OtlpExport otlp, ReplicaFeed replicaFeed)
            implements AutoCloseable {
        static Team start(GatewayConfig config, Database database, TraceStore store, TraceFeed feed,
                          TraceWriter writer, String replicaId) {
            GatewayMetrics metrics = new GatewayMetrics(feed, writer);
            OtlpExport otlp = null;
            if (config.otlp() != null) {
                otlp = OtlpExport.start(config.otlp(), replicaId, metrics.registry());
                feed.subscribeRecorded(otlp::export);
            }
            ReplicaFeed replicas = database.isPostgres()
                    ? ReplicaFeed.start(database.settings(), replicaId, store, feed::publishFromReplica) : null;
            return new Team(replicaId, metrics, otlp, replicas);
        }

        /** After the trace writer has drained: export what it recorded last, then stop. */
        @Override
        public void close() {
            if (replicaFeed != null) {
                replicaFeed.close();
            }
            if (otlp != null) {
                otlp.close();
            }
            metrics.close();
        }
    }

    private Gateway(GatewayConfig config, String adminToken, Database database, PriceTable prices,
                    TraceWriter traceWriter, TraceStore traceStore, TraceFeed traceFeed, PromptLibrary prompts,
                    UpstreamClient upstream, ExecutorService background, GatewayServer server, Team team,
                    Retention retention) {
        this.config = config;
        this.adminToken = adminToken;
        this.database = database;
        this.prices = prices;
        this.traceWriter = traceWriter;
        this.traceStore = traceStore;
        this.traceFeed = traceFeed;
        this.prompts = prompts;
        this.upstream = upstream;
        this.background = background;
        this.server = server;
        this.team = team;
        this.retention = retention;
    }

    public static Gateway start(GatewayConfig config) {
        createDirectories(config);
        String token = config.adminToken() != null ? config.adminToken() : AdminTokens.loadOrCreate(config.dataDir());
        Clock clock = Clock.systemUTC();
        Database database = Database.open(config.effectiveDatabase());
        Sql sql = new Sql(database.dataSource());
        SecretBox secrets = SecretBox.loadOrCreate(config.masterKeyFile() != null ? config.masterKeyFile()
                : config.dataDir().resolve(SecretBox.FILE_NAME));
        String replicaId = newReplicaId();
        TraceStore traceStore = new TraceStore(database.dataSource(), database.isPostgres() ? replicaId : null);
        TraceFeed feed = new TraceFeed();
        PriceTable prices = PriceTable.bundled();
        TokenEstimator estimator = new TokenEstimator();
        TraceWriter writer = new TraceWriter(new TraceAssembler(prices, estimator, config.bodyCapture()),
                traceStore, feed, TRACE_QUEUE_CAPACITY, TRACE_MEMORY_BYTES, TRACE_BATCH, TRACE_FLUSH);
        Team team = Team.start(config, database, traceStore, feed, writer, replicaId);
        UpstreamClient upstream = new UpstreamClient();
        ExecutorService background = Executors.newVirtualThreadPerTaskExecutor();

        ProviderCatalog catalog = new ProviderCatalog();
        ConfigStore configs = new ConfigStore(sql, secrets, new ConfigParser(catalog), clock);
        VirtualKeyStore virtualKeys = new VirtualKeyStore(sql, secrets, clock);
        RouteResolver routes = new RouteResolver(catalog, configs, virtualKeys);
        CircuitBreakers circuits = new CircuitBreakers(CIRCUIT_THRESHOLD, CIRCUIT_COOL_DOWN, clock);
        Router router = new Router(circuits, duration -> Thread.sleep(duration));
        ApiKeyStore apiKeys = new ApiKeyStore(sql, clock);
        UsageCounters counters = new UsageCounters(sql);
        GatewaySettings settings = new GatewaySettings(sql);
        ApiKeyGuard keyGuard = new ApiKeyGuard(apiKeys, counters, settings, prices, estimator, clock);
        ResponseCache cache = new ResponseCache(sql, clock, background);
        background.execute(cache::purgeExpired);
        ProxyHandler proxy = new ProxyHandler(routes, router, upstream, writer, keyGuard, cache);

        AdminRoutes admin = new AdminRoutes(new AdminAuth(token), traceStore, feed);
        GovernanceRoutes governance = new GovernanceRoutes(configs, virtualKeys, apiKeys, counters, settings,
                circuits, catalog, new VirtualKeyTester(routes, upstream), clock);
        PromptLibrary promptLibrary = new PromptLibrary(database.dataSource());
        GatewayServer server;
        try {
            server = GatewayServer.start(config.host(), config.port(), config.maxRequestBytes(), routes, upstream,
                    proxy, prices, admin, extra -> {
                        governance.register(extra);
                        new PromptAdminRoutes(promptLibrary).register(extra);
                        new PromptApiRoutes(promptLibrary, proxy).register(extra);
                        new OpsRoutes(database, team.metrics()).register(extra);
                    });
        } catch (RuntimeException e) {
            writer.close();
            team.close();
            upstream.close();
            background.close();
            database.close();
            throw new GatewayException(500, "server_error", "cannot_listen", null,
                    "Cannot listen on " + config.host() + ":" + config.port() + ": " + rootMessage(e), e);
        }
        Retention retention = new Retention(database.dataSource(), Clock.systemUTC(), RETENTION_INTERVAL).start();
        Gateway gateway = new Gateway(config, token, database, prices, writer, traceStore, feed, promptLibrary,
                upstream, background, server, team, retention);
        LOG.info("Gateway listening on {} (data in {}, database {})", gateway.baseUrl(), config.dataDir(),
                database.settings().displayUrl());
        return gateway;
    }

    /** Names this process among the replicas sharing a database: host name plus a random suffix. */
    private static String newReplicaId() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "gateway";
        }
        return host + "-" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt()).substring(2);
    }

    private static void createDirectories(GatewayConfig config) {
        try {
            Files.createDirectories(config.dataDir());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the data directory " + config.dataDir(), e);
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }

    /** {@code http://host:port}, with the port actually bound. */
    public String baseUrl() {
        return "http://" + config.host() + ":" + server.port();
    }

    public int port() {
        return server.port();
    }

    public GatewayConfig config() {
        return config;
    }

    public String adminToken() {
        return adminToken;
    }

    public TraceStore traceStore() {
        return traceStore;
    }

    public TraceFeed traceFeed() {
        return traceFeed;
    }

    /** The prompt library in this gateway's database. */
    public PromptLibrary prompts() {
        return prompts;
    }

    public PriceTable prices() {
        return prices;
    }

    public TraceWriter traceWriter() {
        return traceWriter;
    }

    /** This gateway's Prometheus metrics (also served at {@code /metrics}). */
    public GatewayMetrics metrics() {
        return team.metrics();
    }

    /** This gateway's name among the replicas on one database (OpenTelemetry's {@code service.instance.id}). */
    public String replicaId() {
        return team.replicaId();
    }

    /** Whether traces stored by other replicas on the same database reach this one's live feed. */
    public boolean listensToReplicas() {
        return team.replicaFeed() != null && team.replicaFeed().listening();
    }

    /** Deletes old traces in the background; keeps everything until given a policy. */
    public Retention retention() {
        return retention;
    }

    /** Stops taking requests, lets those in flight finish, writes every queued trace, then closes the database. */
    @Override
    public void close() {
        server.close();
        retention.close();
        traceWriter.close();
        team.close();
        upstream.close();
        background.close();
        database.close();
        LOG.info("Gateway stopped; {} traces written, {} dropped", traceWriter.written(), traceWriter.dropped());
    }
}
