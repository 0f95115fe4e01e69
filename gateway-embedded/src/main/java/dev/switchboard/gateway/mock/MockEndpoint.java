package dev.switchboard.gateway.mock;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;

/** One mock API route in one provider's dialect: how it reads requests and writes replies and errors. */
sealed interface MockEndpoint
        permits OpenAiChat, OpenAiCompletions, OpenAiEmbeddings, AnthropicMessages, GeminiGenerate {

    ErrorFormat errors();

    /** Checks headers and body as the provider would; throws {@link MockException} for what it would reject. */
    MockCall parse(Context ctx, JsonNode body);

    byte[] body(MockCall call, Reply reply);

    /** Only called for calls that {@link #parse} marked as streaming. */
    default StreamScript stream(MockCall call, Reply reply) {
        throw MockException.badRequest("This endpoint does not stream");
    }
}
