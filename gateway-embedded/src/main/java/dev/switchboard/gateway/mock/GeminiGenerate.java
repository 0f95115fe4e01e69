package dev.switchboard.gateway.mock;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.gateway.Json;
import dev.switchboard.gateway.provider.SseEvent;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;

/**
 * Gemini {@code POST /v1beta/models/{model}:generateContent} and {@code :streamGenerateContent?alt=sse}, where every
 * event is a whole {@code GenerateContentResponse}. The path parameter holds {@code model:method}.
 */
final class GeminiGenerate implements MockEndpoint {
    static final String PATH_PARAM = "modelAndMethod";
    private static final String MISSING_KEY = "Method doesn't allow unregistered callers (callers without"
            + " established identity). Please use API Key or other form of API consumer identity to call this API.";

    @Override
    public ErrorFormat errors() {
        return ErrorFormat.GEMINI;
    }

    @Override
    public MockCall parse(Context ctx, JsonNode body) {
        String key = ctx.header("x-goog-api-key");
        if ((key == null || key.isBlank()) && (ctx.queryParam("key") == null || ctx.queryParam("key").isBlank())) {
            throw new MockException(403, MISSING_KEY);
        }
        String modelAndMethod = ctx.pathParam(PATH_PARAM);
        int colon = modelAndMethod.lastIndexOf(':');
        String method = colon < 0 ? "" : modelAndMethod.substring(colon + 1);
        boolean stream = switch (method) {
            case "generateContent" -> false;
            case "streamGenerateContent" -> true;
            default -> throw new MockException(404, "Method '" + method + "' is not found for this mock");
        };
        if (stream && !"sse".equals(ctx.queryParam("alt"))) {
            // Without alt=sse Gemini streams one JSON array in pieces; the gateway only uses SSE, so the mock does too.
            throw MockException.badRequest("The mock provider streams only with ?alt=sse");
        }
        JsonNode contents = Wire.requiredArray(body, "contents");
        JsonNode tools = body.path("tools");
        JsonNode last = contents.get(contents.size() - 1);
        MockCall.Tool tool = isUserTurn(last) ? firstFunction(tools) : null;
        return new MockCall(body, modelAndMethod.substring(0, colon), PromptText.of(last.path("parts")),
                PromptText.promptTokens(body.path("systemInstruction"), contents, tools),
                Wire.optionalInt(body.path("generationConfig"), "maxOutputTokens"), tool, stream);
    }

    /** Gemini's role defaults to user; a turn of functionResponse parts answers a call and should get text back. */
    private static boolean isUserTurn(JsonNode content) {
        if (!"user".equals(content.path("role").asText("user"))) {
            return false;
        }
        for (JsonNode part : content.path("parts")) {
            if (part.has("functionResponse")) {
                return false;
            }
        }
        return true;
    }

    private static MockCall.Tool firstFunction(JsonNode tools) {
        for (JsonNode tool : tools) {
            JsonNode function = tool.path("functionDeclarations").path(0);
            if (function.hasNonNull("name")) {
                return new MockCall.Tool(function.get("name").asText(), function.get("parameters"));
            }
        }
        return null;
    }

    @Override
    public byte[] body(MockCall call, Reply reply) {
        ObjectNode response = response(call, Wire.id(""), reply.completionTokens(), reply.promptTokens());
        switch (reply.content()) {
            case Reply.Text text -> addCandidate(response, Json.object().put("text", text.text()), reply.finish());
            case Reply.ToolCall toolCall -> addCandidate(response, functionCall(toolCall), reply.finish());
        }
        return Json.writeBytes(response);
    }

    @Override
    public StreamScript stream(MockCall call, Reply reply) {
        String responseId = Wire.id("");
        List<SseEvent> chunks = new ArrayList<>();
        switch (reply.content()) {
            case Reply.Text text -> {
                List<String> pieces = text.pieces();
                for (int i = 0; i < pieces.size(); i++) {
                    boolean last = i == pieces.size() - 1;
                    // Usage grows chunk by chunk; the last chunk carries the final counts and the finish reason.
                    int completion = last ? reply.completionTokens() : i + 1;
                    ObjectNode chunk = response(call, responseId, completion, reply.promptTokens());
                    addCandidate(chunk, Json.object().put("text", pieces.get(i)), last ? reply.finish() : null);
                    chunks.add(Wire.data(chunk));
                }
            }
            case Reply.ToolCall toolCall -> {
                // Gemini sends a function call whole, in one chunk.
                ObjectNode chunk = response(call, responseId, reply.completionTokens(), reply.promptTokens());
                addCandidate(chunk, functionCall(toolCall), reply.finish());
                chunks.add(Wire.data(chunk));
            }
        }
        return new StreamScript(List.of(), chunks, List.of());
    }

    /** A response without candidates yet: usage, model version and id, in Gemini's field order. */
    private static ObjectNode response(MockCall call, String responseId, int completionTokens, int promptTokens) {
        ObjectNode response = Json.object();
        response.putArray("candidates");
        response.putObject("usageMetadata")
                .put("promptTokenCount", promptTokens)
                .put("candidatesTokenCount", completionTokens)
                .put("totalTokenCount", promptTokens + completionTokens);
        response.put("modelVersion", call.model()).put("responseId", responseId);
        return response;
    }

    private static void addCandidate(ObjectNode response, ObjectNode part, Reply.Finish finish) {
        ObjectNode candidate = response.withArrayProperty("candidates").addObject();
        ObjectNode content = candidate.putObject("content");
        content.putArray("parts").add(part);
        content.put("role", "model");
        if (finish != null) {
            candidate.put("finishReason", finish == Reply.Finish.LENGTH ? "MAX_TOKENS" : "STOP");
        }
        candidate.put("index", 0);
    }

    private static ObjectNode functionCall(Reply.ToolCall toolCall) {
        ObjectNode part = Json.object();
        part.putObject("functionCall").put("name", toolCall.name()).set("args", toolCall.arguments());
        return part;
    }
}
