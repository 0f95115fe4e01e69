package dev.switchboard.app.connection;

/** Starts and stops demo mode: a gateway of its own fed by a built-in mock provider. Blocking. */
public interface DemoLauncher extends AutoCloseable {
    GatewayClient start();

    void stop();

    @Override
    default void close() {
        stop();
    }
}
