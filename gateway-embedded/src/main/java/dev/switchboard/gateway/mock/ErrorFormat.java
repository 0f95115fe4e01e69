package dev.switchboard.gateway.mock;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.gateway.Json;

/** Each provider's error body, with the error type or status name it uses for an HTTP status. */
enum ErrorFormat {
    /** {@code {"error":{"message","type","param","code"}}}. */
    OPENAI,
    /** {@code {"type":"error","error":{"type","message"}}}. */
    ANTHROPIC,
    /** {@code {"error":{"code","message","status"}}} (Google's RPC status). */
    GEMINI;

    byte[] body(int status, String message) {
        ObjectNode body = Json.object();
        switch (this) {
            case OPENAI -> body.putObject("error")
                    .put("message", message)
                    .put("type", openAiType(status))
                    .putNull("param")
                    .put("code", openAiCode(status));
            case ANTHROPIC -> {
                body.put("type", "error");
                body.putObject("error").put("type", anthropicType(status)).put("message", message);
            }
            case GEMINI -> body.putObject("error")
                    .put("code", status)
                    .put("message", message)
                    .put("status", googleStatus(status));
        }
        return Json.writeBytes(body);
    }

    private static String openAiType(int status) {
        if (status == 429) {
            return "requests";
        }
        return status >= 500 ? "server_error" : "invalid_request_error";
    }

    private static String openAiCode(int status) {
        return switch (status) {
            case 401 -> "invalid_api_key";
            case 404 -> "model_not_found";
            case 429 -> "rate_limit_exceeded";
            default -> null;
        };
    }

    private static String anthropicType(int status) {
        return switch (status) {
            case 401 -> "authentication_error";
            case 403 -> "permission_error";
            case 404 -> "not_found_error";
            case 413 -> "request_too_large";
            case 429 -> "rate_limit_error";
            case 503, 529 -> "overloaded_error";
            default -> status >= 500 ? "api_error" : "invalid_request_error";
        };
    }

    private static String googleStatus(int status) {
        return switch (status) {
            case 400 -> "INVALID_ARGUMENT";
            case 401 -> "UNAUTHENTICATED";
            case 403 -> "PERMISSION_DENIED";
            case 404 -> "NOT_FOUND";
            case 409 -> "ABORTED";
            case 429 -> "RESOURCE_EXHAUSTED";
            case 501 -> "UNIMPLEMENTED";
            case 503 -> "UNAVAILABLE";
            case 504 -> "DEADLINE_EXCEEDED";
            default -> status >= 500 ? "INTERNAL" : "FAILED_PRECONDITION";
        };
    }
}
