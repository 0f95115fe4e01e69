package dev.switchboard.gateway.cli;

import dev.switchboard.gateway.AdminTokens;
import dev.switchboard.gateway.DataDirectories;
import dev.switchboard.gateway.Gateway;
import dev.switchboard.gateway.GatewayConfig;
import dev.switchboard.gateway.trace.TraceAssembler.BodyCapture;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The headless gateway: {@code java -jar switchboard-gateway.jar --port 8787 ...}. */
@Command(name = "switchboard-gateway", mixinStandardHelpOptions = true, version = "Switchboard gateway 0.1.0",
        description = "OpenAI-compatible AI gateway that records every call.")
public final class GatewayMain implements Callable<Integer> {

    @Option(names = "--host", description = "Address to bind (default: ${DEFAULT-VALUE}; use 0.0.0.0 to expose)")
    String host = GatewayConfig.DEFAULT_HOST;

    @Option(names = "--port", description = "Port (default: ${DEFAULT-VALUE}; 0 picks a free one)")
    int port = GatewayConfig.DEFAULT_PORT;

    @Option(names = "--data-dir", description = "Where the database and admin token live (default: the OS's "
            + "per-user data folder)")
    Path dataDir;

    @Option(names = "--admin-token", description = "Token for /admin/* (default: stored in the data directory, "
            + "created on first start)")
    String adminToken;

    @Option(names = "--master-key-file", description = "Key that encrypts stored provider keys (default: "
            + "master.key in the data directory; gateways sharing a database must share it)")
    Path masterKeyFile;

    @Option(names = "--no-body-capture", description = "Store traces without request and response bodies")
    boolean noBodyCapture;

    @Option(names = "--max-body-kb", description = "Largest body stored per trace, in KiB (default: ${DEFAULT-VALUE})")
    int maxBodyKb = BodyCapture.DEFAULT.maxChars() / 1024;

    public static void main(String[] args) {
        System.exit(new CommandLine(new GatewayMain()).execute(args));
    }

    @Override
    public Integer call() throws InterruptedException {
        Path dir = dataDir != null ? dataDir : DataDirectories.defaultDir();
        GatewayConfig config = new GatewayConfig(host, port, dir, adminToken,
                new BodyCapture(!noBodyCapture, maxBodyKb * 1024), GatewayConfig.DEFAULT_MAX_REQUEST_BYTES,
                masterKeyFile);
        Gateway gateway;
        try {
            gateway = Gateway.start(config);
        } catch (RuntimeException e) {
            System.err.println("switchboard-gateway: " + e.getMessage());
            return 1;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            gateway.close();
            stopped.countDown();
        }, "switchboard-shutdown"));
        if (adminToken == null) {
            System.out.println("admin token stored in " + AdminTokens.file(dir).toAbsolutePath());
        }
        System.out.println("listening on " + gateway.baseUrl());
        System.out.flush();
        stopped.await();
        return 0;
    }
}
