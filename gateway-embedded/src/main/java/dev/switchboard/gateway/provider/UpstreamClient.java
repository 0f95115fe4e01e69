package dev.switchboard.gateway.provider;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.switchboard.gateway.GatewayException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import okhttp3.Call;
import okhttp3.ConnectionPool;
import okhttp3.Dispatcher;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * Sends {@link UpstreamRequest}s with one shared OkHttp client. Calls run synchronously on the caller's virtual
 * thread; the timeout bounds the whole call for plain responses and the silence between bytes for streams.
 * Network failures become {@link GatewayException}s: timeout 504, anything else (refused, unknown host) 502.
 * Timeouts are set per call, never by deriving a client per request: {@code newBuilder().build()} costs a new
 * client, interceptor chain and timeout bookkeeping on every proxied request.
 */
public final class UpstreamClient implements AutoCloseable {
    private static final MediaType JSON = MediaType.get("application/json");
    /** Distinct upstream URLs remembered parsed; custom hosts come from callers, so this must be bounded. */
    private static final int PARSED_URLS = 1024;

    private final OkHttpClient client;
    /** Parsing a URL (host canonicalisation included) is a measurable share of a proxied call; they repeat. */
    private final Cache<String, HttpUrl> urls = Caffeine.newBuilder().maximumSize(PARSED_URLS).build();

    public UpstreamClient() {
        Dispatcher dispatcher = new Dispatcher();
        dispatcher.setMaxRequests(4096);
        dispatcher.setMaxRequestsPerHost(4096);
        this.client = new OkHttpClient.Builder()
                .dispatcher(dispatcher)
                .connectionPool(new ConnectionPool(256, 5, TimeUnit.MINUTES))
                .connectTimeout(Duration.ofSeconds(10))
                .readTimeout(Duration.ZERO)
                .writeTimeout(Duration.ofSeconds(60))
                // A silent resend could bill the caller twice; retries are the routing config's decision.
                .retryOnConnectionFailure(false)
                .followRedirects(false)
                .addInterceptor(StreamSilence::apply)
                .build();
    }

    /**
     * Opens the call and returns the response with its body unread; the caller closes it.
     *
     * @param timeout whole-call limit when {@code stream} is false; longest silence between bytes when true
     */
    public Response open(UpstreamRequest request, Duration timeout, boolean stream) {
        Request.Builder builder = new Request.Builder().url(urls.get(request.url(), HttpUrl::get));
        request.headers().forEach(builder::header);
        if ("POST".equals(request.method())) {
            builder.post(RequestBody.create(request.body(), JSON));
        } else {
            builder.get();
        }
        if (stream) {
            builder.tag(StreamSilence.class, new StreamSilence(timeout));
        }
        Call call = client.newCall(builder.build());
        if (!stream) {
            call.timeout().timeout(timeout.toNanos(), TimeUnit.NANOSECONDS);
        }
        try {
            return call.execute();
        } catch (IOException e) {
            throw failure(e, timeout);
        }
    }

    /** Maps an I/O failure talking to the provider to the status the client should see. */
    public static GatewayException failure(IOException e, Duration timeout) {
        if (e instanceof SocketTimeoutException || e instanceof InterruptedIOException) {
            return new GatewayException(504, "timeout_error", "upstream_timeout", null,
                    "The provider did not answer within " + timeout.toMillis() + " ms", e);
        }
        String why = switch (e) {
            case ConnectException c -> "connection refused";
            case UnknownHostException u -> "unknown host " + u.getMessage();
            default -> e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        };
        return new GatewayException(502, "api_connection_error", "upstream_unreachable", null,
                "Could not reach the provider: " + why, e);
    }

    /** The longest silence a streamed call tolerates between bytes, carried on its request. */
    private record StreamSilence(Duration limit) {
        static Response apply(Interceptor.Chain chain) throws IOException {
            StreamSilence silence = chain.request().tag(StreamSilence.class);
            return silence == null ? chain.proceed(chain.request())
                    : chain.withReadTimeout((int) Math.min(Integer.MAX_VALUE, silence.limit().toMillis()),
                    TimeUnit.MILLISECONDS).proceed(chain.request());
        }
    }

    @Override
    public void close() {
        client.dispatcher().executorService().shutdown();
        client.connectionPool().evictAll();
    }
}
