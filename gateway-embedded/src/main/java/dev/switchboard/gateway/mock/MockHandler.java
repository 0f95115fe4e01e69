package dev.switchboard.gateway.mock;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.gateway.Json;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.eclipse.jetty.ee10.servlet.ServletContextRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The steps every mock route shares, whatever the provider: parse, apply injected faults, decide the reply, then
 * answer JSON or play the stream; errors come out in the endpoint's own error format.
 */
final class MockHandler implements Handler {
    static final String JSON = "application/json";
    private static final Logger log = LoggerFactory.getLogger(MockHandler.class);

    private final MockEndpoint endpoint;
    private final ReplyFactory replies;
    private final Pacing pacing;
    private final StreamPlayer player;

    MockHandler(MockEndpoint endpoint, ReplyFactory replies, Pacing pacing) {
        this.endpoint = endpoint;
        this.replies = replies;
        this.pacing = pacing;
        this.player = new StreamPlayer(pacing);
    }

    @Override
    public void handle(Context ctx) throws InterruptedException {
        try {
            MockCall call = endpoint.parse(ctx, body(ctx));
            FaultMarkers faults = FaultMarkers.in(call.lastText());
            Pacing.sleep(faults.slowMs());
            faults.throwRequestedError();
            Reply reply = replies.reply(call);
            if (call.stream()) {
                player.play(ctx, endpoint.stream(call, reply), faults.breakConnection());
            } else if (!faults.breakConnection()) {
                pacing.wholeReply(reply.completionTokens());
                ctx.contentType(JSON).result(endpoint.body(call, reply));
            }
            if (faults.breakConnection()) {
                dropConnection(ctx);
            }
        } catch (MockException e) {
            ctx.status(e.status()).contentType(JSON).result(endpoint.errors().body(e.status(), e.getMessage()));
            if (e.status() == 429) {
                ctx.header("Retry-After", "1");
            }
        } catch (IOException e) {
            // The client went away mid-stream; there is nobody left to answer.
            log.debug("Client closed the stream on {}: {}", ctx.path(), e.toString());
        }
    }

    private static JsonNode body(Context ctx) {
        try {
            JsonNode body = Json.read(ctx.bodyAsBytes());
            if (!body.isObject()) {
                throw MockException.badRequest("The request body must be a JSON object");
            }
            return body;
        } catch (UncheckedIOException e) {
            throw MockException.badRequest("The request body is not valid JSON");
        }
    }

    /** Closes the TCP connection without finishing the response, as a crashed or cut-off upstream would. */
    private static void dropConnection(Context ctx) {
        ServletContextRequest.getServletContextRequest(ctx.req())
                .getConnectionMetaData().getConnection().getEndPoint().close();
    }
}
