package dev.switchboard.gateway.mock;

/** An error the mock answers with an HTTP status, rendered in the called provider's own error format. */
final class MockException extends RuntimeException {
    private final int status;

    MockException(int status, String message) {
        super(message);
        this.status = status;
    }

    static MockException badRequest(String message) {
        return new MockException(400, message);
    }

    int status() {
        return status;
    }
}
