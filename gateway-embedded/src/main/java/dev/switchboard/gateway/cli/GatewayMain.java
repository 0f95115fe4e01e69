package dev.switchboard.gateway.cli;

import dev.switchboard.gateway.AdminTokens;
import dev.switchboard.gateway.UserDirectories;
import dev.switchboard.gateway.Gateway;
import dev.switchboard.gateway.GatewayConfig;
import dev.switchboard.gateway.GatewayException;
import dev.switchboard.gateway.store.DatabaseSettings;
import dev.switchboard.gateway.store.Retention;
import dev.switchboard.gateway.telemetry.OtlpSettings;
import dev.switchboard.gateway.trace.TraceAssembler.BodyCapture;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The headless gateway: {@code java -jar switchboard-gateway.jar --port 8787 ...}. */
@Command(name = "switchboard-gateway", mixinStandardHelpOptions = true, version = "Switchboard gateway 0.1.0",
        description = "OpenAI-compatible AI gateway that records every call.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:stopped cleanly", "1:could not start (e.g. the port is taken)", "2:bad options",
            "3:the database is unreachable or cannot be migrated"})
public final class GatewayMain implements Callable<Integer> {
    static final int EXIT_START_FAILED = 1;
    static final int EXIT_USAGE = 2;
    static final int EXIT_DATABASE = 3;

    @Option(names = "--host", description = "Address to bind (default: ${DEFAULT-VALUE}; use 0.0.0.0 to expose)")
    String host = GatewayConfig.DEFAULT_HOST;

    @Option(names = "--port", description = "Port (default: ${DEFAULT-VALUE}; 0 picks a free one)")
    int port = GatewayConfig.DEFAULT_PORT;

    @Option(names = "--data-dir", description = "Where the database and admin token live (default: the OS's "
            + "per-user data folder)")
    Path dataDir;

    @Option(names = "--admin-token", description = "Token for /admin/* (default: $SWITCHBOARD_ADMIN_TOKEN, else "
            + "stored in the data directory, created on first start)")
    String adminToken;

    @Option(names = "--master-key-file", description = "Key that encrypts stored provider keys (default: "
            + "master.key in the data directory; gateways sharing a database must share it)")
    Path masterKeyFile;

    @Option(names = "--no-body-capture", description = "Store traces without request and response bodies")
    boolean noBodyCapture;

    @Option(names = "--max-body-kb", description = "Largest body stored per trace, in KiB (default: ${DEFAULT-VALUE})")
    int maxBodyKb = BodyCapture.DEFAULT.maxChars() / 1024;

    @Option(names = "--db", paramLabel = "JDBC_URL", description = "PostgreSQL database shared by every replica, "
            + "e.g. jdbc:postgresql://db.internal:5432/switchboard (default: $SWITCHBOARD_DB_URL, else an H2 file "
            + "in the data directory). User from $SWITCHBOARD_DB_USER, password from $SWITCHBOARD_DB_PASSWORD or "
            + "--db-password-file, never from the command line.")
    String db;

    @Option(names = "--db-password-file", paramLabel = "FILE",
            description = "File holding the database password (e.g. a mounted secret)")
    Path dbPasswordFile;

    @Option(names = "--otlp-endpoint", paramLabel = "URL", description = "Export every trace as OpenTelemetry "
            + "spans over OTLP/HTTP to this collector, e.g. http://otel-collector:4318 (default: "
            + "$OTEL_EXPORTER_OTLP_TRACES_ENDPOINT or $OTEL_EXPORTER_OTLP_ENDPOINT; headers from "
            + "$OTEL_EXPORTER_OTLP_HEADERS)")
    String otlpEndpoint;

    @Option(names = "--retention-days", paramLabel = "DAYS", description = "Delete traces older than this, in the "
            + "background (default: keep everything). With replicas, any of them may do it.")
    Integer retentionDays;

    @Option(names = "--otlp-capture-content", description = "Also export prompts and completions "
            + "(gen_ai.input.messages / gen_ai.output.messages); they may hold personal data")
    boolean otlpCaptureContent;

    private final Map<String, String> env;
    private final PrintStream out;
    private final PrintStream err;

    public GatewayMain() {
        this(System.getenv(), System.out, System.err);
    }

    GatewayMain(Map<String, String> env, PrintStream out, PrintStream err) {
        this.env = env;
        this.out = out;
        this.err = err;
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new GatewayMain()).execute(args));
    }

    @Override
    public Integer call() throws InterruptedException {
        GatewayConfig config;
        try {
            config = config();
        } catch (IllegalArgumentException e) {
            err.println("switchboard-gateway: " + e.getMessage());
            return EXIT_USAGE;
        }
        if (retentionDays != null && retentionDays < 1) {
            err.println("switchboard-gateway: --retention-days must be 1 or more");
            return EXIT_USAGE;
        }
        Gateway gateway;
        try {
            gateway = Gateway.start(config);
        } catch (GatewayException e) {
            err.println("switchboard-gateway: " + e.getMessage());
            return "database_unavailable".equals(e.code()) || "migration_failed".equals(e.code())
                    ? EXIT_DATABASE : EXIT_START_FAILED;
        } catch (RuntimeException e) {
            err.println("switchboard-gateway: " + e.getMessage());
            return EXIT_START_FAILED;
        }
        if (retentionDays != null) {
            gateway.retention().setPolicy(new Retention.Policy(Duration.ofDays(retentionDays), 0));
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            gateway.close();
            stopped.countDown();
        }, "switchboard-shutdown"));
        if (config.adminToken() == null) {
            out.println("admin token stored in " + AdminTokens.file(config.dataDir()).toAbsolutePath());
        }
        out.println("listening on " + gateway.baseUrl());
        out.flush();
        stopped.await();
        return 0;
    }

    /** The configuration these options and the environment describe; IllegalArgumentException names a mistake. */
    GatewayConfig config() {
        Path dir = dataDir != null ? dataDir : UserDirectories.dataDir();
        String token = adminToken != null ? adminToken : blankToNull(env.get("SWITCHBOARD_ADMIN_TOKEN"));
        GatewayConfig config = new GatewayConfig(host, port, dir, token,
                new BodyCapture(!noBodyCapture, maxBodyKb * 1024), GatewayConfig.DEFAULT_MAX_REQUEST_BYTES,
                masterKeyFile);
        String url = db != null ? db : blankToNull(env.get("SWITCHBOARD_DB_URL"));
        if (url != null) {
            config = config.withDatabase(DatabaseSettings.postgres(url, blankToNull(env.get("SWITCHBOARD_DB_USER")),
                    password()));
        } else if (dbPasswordFile != null) {
            throw new IllegalArgumentException("--db-password-file needs --db");
        }
        return config.withOtlp(OtlpSettings.resolve(otlpEndpoint, otlpCaptureContent, env));
    }

    private String password() {
        if (dbPasswordFile == null) {
            return env.get("SWITCHBOARD_DB_PASSWORD");
        }
        try {
            // Secret files usually end with a newline that is not part of the password.
            return Files.readString(dbPasswordFile, StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new IllegalArgumentException("Cannot read the database password file " + dbPasswordFile + ": "
                    + e.getMessage());
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
