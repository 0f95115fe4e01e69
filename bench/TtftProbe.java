import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.regex.Pattern;

/**
 * Time to first token of streamed chat completions, straight from an upstream and through the gateway, over
 * sequential requests that alternate between the two so drift on a busy machine hits both alike. Run from source:
 * {@code java bench/TtftProbe.java DIRECT_URL GATEWAY_URL UPSTREAM_BASE REQUESTS WARMUP}. Prints one
 * {@code TTFT ...} line of microsecond percentiles.
 *
 * <p>Each side gets one keep-alive HTTP/1.1 connection read straight off the socket, so the clock stops when the
 * first token's bytes arrive. An HTTP client library would add its own thread hand-offs per read, which count
 * more on the side whose bytes arrive in more reads; curl's time_starttransfer would time the headers.
 */
public class TtftProbe {
    /** A chunk whose delta carries text: the first token, not the empty role chunk. */
    private static final Pattern FIRST_TOKEN = Pattern.compile("\"content\"\\s*:\\s*\"[^\"]");
    private static final byte[] BODY = """
            {"model":"gpt-4o-mini","stream":true,"messages":[{"role":"user","content":"Say hello in one short sentence."}]}"""
            .getBytes(StandardCharsets.UTF_8);

    private int errors;

    public static void main(String[] args) throws Exception {
        String upstream = args[2];
        int requests = Integer.parseInt(args[3]);
        int warmup = Integer.parseInt(args[4]);
        TtftProbe probe = new TtftProbe();
        try (Connection direct = new Connection(URI.create(args[0]), upstream);
             Connection gateway = new Connection(URI.create(args[1]), upstream)) {
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
    }

    /** Nanoseconds from sending to the first token; reads the response to its end so the connection is reused. */
    private long firstTokenNanos(Connection connection) throws IOException {
        long started = System.nanoTime();
        Response response = connection.exchange(started);
        if (response.status() != 200 || response.firstTokenNanos() < 0) {
            errors++;
            return Long.MAX_VALUE;
        }
        return response.firstTokenNanos();
    }

    private record Response(int status, long firstTokenNanos) {
    }

    /**
     * One keep-alive connection sending the same streamed request (the gateway reads the routing headers, the
     * upstream ignores them) and decoding the chunked answer as its bytes arrive.
     */
    private static final class Connection implements AutoCloseable {
        private final Socket socket;
        private final OutputStream out;
        private final InputStream in;
        private final byte[] request;
        private final byte[] buffer = new byte[64 * 1024];
        private int start;
        private int end;

        Connection(URI url, String upstream) throws IOException {
            socket = new Socket(url.getHost(), url.getPort());
            socket.setTcpNoDelay(true);
            out = socket.getOutputStream();
            in = socket.getInputStream();
            String head = "POST " + url.getRawPath() + " HTTP/1.1\r\n"
                    + "Host: " + url.getHost() + ":" + url.getPort() + "\r\n"
                    + "Content-Type: application/json\r\n"
                    + "Authorization: Bearer sk-mock\r\n"
                    + "x-portkey-provider: openai\r\n"
                    + "x-portkey-custom-host: " + upstream + "\r\n"
                    + "Content-Length: " + BODY.length + "\r\n\r\n";
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            bytes.writeBytes(head.getBytes(StandardCharsets.US_ASCII));
            bytes.writeBytes(BODY);
            request = bytes.toByteArray();
        }

        Response exchange(long started) throws IOException {
            out.write(request);
            out.flush();
            int status = Integer.parseInt(line().split(" ")[1]);
            long contentLength = -1;
            boolean chunked = false;
            for (String header = line(); !header.isEmpty(); header = line()) {
                String lower = header.toLowerCase();
                if (lower.startsWith("content-length:")) {
                    contentLength = Long.parseLong(lower.substring(15).trim());
                } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                    chunked = true;
                }
            }
            long firstToken = -1;
            if (chunked) {
                for (long size = chunkSize(); size > 0; size = chunkSize()) {
                    String data = take(size);
                    if (firstToken < 0 && FIRST_TOKEN.matcher(data).find()) {
                        firstToken = System.nanoTime() - started;
                    }
                    line();
                }
                line();
            } else if (contentLength >= 0) {
                take(contentLength);
            } else {
                throw new IOException("a response without length on a keep-alive connection");
            }
            return new Response(status, firstToken);
        }

        /** The size line of the next chunk (hexadecimal; 0 ends the body). */
        private long chunkSize() throws IOException {
            return Long.parseLong(line().trim(), 16);
        }

        /** The next CRLF-terminated line, without its terminator. */
        private String line() throws IOException {
            StringBuilder line = new StringBuilder();
            while (true) {
                fill();
                for (int i = start; i < end; i++) {
                    if (buffer[i] == '\n') {
                        line.append(new String(buffer, start, i - start, StandardCharsets.UTF_8));
                        start = i + 1;
                        int length = line.length();
                        return length > 0 && line.charAt(length - 1) == '\r' ? line.substring(0, length - 1)
                                : line.toString();
                    }
                }
                line.append(new String(buffer, start, end - start, StandardCharsets.UTF_8));
                start = end;
            }
        }

        /** Exactly {@code count} bytes, waiting for the network only when none are at hand. */
        private String take(long count) throws IOException {
            ByteArrayOutputStream data = new ByteArrayOutputStream();
            long left = count;
            while (left > 0) {
                fill();
                int n = (int) Math.min(left, end - start);
                data.write(buffer, start, n);
                start += n;
                left -= n;
            }
            return data.toString(StandardCharsets.UTF_8);
        }

        private void fill() throws IOException {
            if (start < end) {
                return;
            }
            start = 0;
            end = in.read(buffer);
            if (end < 0) {
                end = 0;
                throw new IOException("the server closed the connection");
            }
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }

    private static long percentile(long[] nanos, int percent) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        int index = Math.min(sorted.length - 1, (int) Math.ceil(percent / 100.0 * sorted.length) - 1);
        return sorted[Math.max(0, index)] / 1_000;
    }
}
