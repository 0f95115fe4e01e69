import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.regex.Pattern;

/**
 * Time to first token of streamed chat completions, straight from an upstream and through the gateway, over
 * sequential requests that alternate between the two so drift on a busy machine hits both alike. Run from source:
 * {@code java bench/TtftProbe.java DIRECT_URL GATEWAY_URL UPSTREAM_BASE REQUESTS WARMUP}. Prints one
 * {@code TTFT ...} line of microsecond percentiles; curl's time_starttransfer would time the headers, not a token.
 */
public class TtftProbe {
    /** A chunk whose delta carries text: the first token, not the empty role chunk. */
    private static final Pattern FIRST_TOKEN = Pattern.compile("\"content\"\\s*:\\s*\"[^\"]");
    private static final String BODY = """
            {"model":"gpt-4o-mini","stream":true,"messages":[{"role":"user","content":"Say hello in one short sentence."}]}""";

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private int errors;

    public static void main(String[] args) throws Exception {
        String upstream = args[2];
        int requests = Integer.parseInt(args[3]);
        int warmup = Integer.parseInt(args[4]);
        TtftProbe probe = new TtftProbe();
        HttpRequest direct = request(args[0], upstream);
        HttpRequest gateway = request(args[1], upstream);
        for (int i = 0; i < warmup; i++) {
            probe.firstTokenNanos(direct);
            probe.firstTokenNanos(gateway);
        }
        long[] directNanos = new long[requests];
        long[] gatewayNanos = new long[requests];
        for (int i = 0; i < requests; i++) {
            directNanos[i] = probe.firstTokenNanos(direct);
            gatewayNanos[i] = probe.firstTokenNanos(gateway);
        }
        System.out.printf("TTFT direct_p50_us=%d direct_p90_us=%d gateway_p50_us=%d gateway_p90_us=%d"
                        + " gateway_sent=%d errors=%d%n",
                percentile(directNanos, 50), percentile(directNanos, 90),
                percentile(gatewayNanos, 50), percentile(gatewayNanos, 90), warmup + requests, probe.errors);
    }

    /** The same request for both targets: the gateway reads the routing headers, the upstream ignores them. */
    private static HttpRequest request(String url, String upstream) {
        return HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer sk-mock")
                .header("x-portkey-provider", "openai")
                .header("x-portkey-custom-host", upstream)
                .POST(HttpRequest.BodyPublishers.ofString(BODY))
                .build();
    }

    /** Nanoseconds from sending to the first token; reads the stream to its end so the connection is reused. */
    private long firstTokenNanos(HttpRequest request) throws IOException, InterruptedException {
        long started = System.nanoTime();
        HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
        long firstToken = -1;
        try (BufferedReader lines = new BufferedReader(
                new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (firstToken < 0 && line.startsWith("data:") && FIRST_TOKEN.matcher(line).find()) {
                    firstToken = System.nanoTime() - started;
                }
            }
        }
        if (response.statusCode() != 200 || firstToken < 0) {
            errors++;
        }
        return firstToken < 0 ? Long.MAX_VALUE : firstToken;
    }

    private static long percentile(long[] nanos, int percent) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        int index = Math.min(sorted.length - 1, (int) Math.ceil(percent / 100.0 * sorted.length) - 1);
        return sorted[Math.max(0, index)] / 1_000;
    }
}
