package dev.switchboard.gateway;

/**
 * The one error type that crosses the gateway's boundary: it always becomes an HTTP status plus an
 * OpenAI-style error object, so every SDK can read {@code error.message}.
 */
public class GatewayException extends RuntimeException {
    private final int status;
    private final String type;
    private final String code;
    private final String param;

    public GatewayException(int status, String type, String code, String param, String message) {
        super(message);
        this.status = status;
        this.type = type;
        this.code = code;
        this.param = param;
    }

    public GatewayException(int status, String type, String code, String param, String message, Throwable cause) {
        super(message, cause);
        this.status = status;
        this.type = type;
        this.code = code;
        this.param = param;
    }

    public static GatewayException badRequest(String param, String message) {
        return new GatewayException(400, "invalid_request_error", null, param, message);
    }

    public static GatewayException notFound(String message) {
        return new GatewayException(404, "invalid_request_error", "not_found", null, message);
    }

    public static GatewayException unsupported(String message) {
        return new GatewayException(400, "invalid_request_error", "unsupported", null, message);
    }

    public int status() {
        return status;
    }

    public String type() {
        return type;
    }

    public String code() {
        return code;
    }

    public String param() {
        return param;
    }
}
