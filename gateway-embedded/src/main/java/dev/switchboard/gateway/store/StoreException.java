package dev.switchboard.gateway.store;

import java.sql.SQLException;

/** The database failed; mapped once to a 500 (or 503 where a request can do without it). */
public class StoreException extends RuntimeException {
    public StoreException(SQLException cause) {
        super("The database failed: " + cause.getMessage(), cause);
    }
}
