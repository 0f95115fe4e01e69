package dev.switchboard.gateway.server;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.gateway.GatewayException;
import dev.switchboard.gateway.Json;

/** OpenAI's error object, the one shape every error the gateway returns takes. */
public final class ErrorBodies {
    private ErrorBodies() {
    }

    public static ObjectNode of(GatewayException e) {
        return of(e.type(), e.code(), e.param(), e.getMessage());
    }

    public static ObjectNode of(String type, String code, String param, String message) {
        ObjectNode body = Json.object();
        ObjectNode error = body.putObject("error");
        error.put("message", message);
        error.put("type", type);
        if (param == null) {
            error.putNull("param");
        } else {
            error.put("param", param);
        }
        if (code == null) {
            error.putNull("code");
        } else {
            error.put("code", code);
        }
        return body;
    }
}
