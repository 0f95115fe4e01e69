package dev.switchboard.prompts.store;

import dev.switchboard.prompts.PromptException;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/** Runs JDBC work in one transaction and turns SQL failures into {@link PromptException}s. */
final class Database {
    private static final String UNIQUE_VIOLATION = "23505";

    /** A unit of JDBC work; it may throw {@link SQLException} and {@link PromptException}. */
    @FunctionalInterface
    interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    private final DataSource dataSource;

    Database(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    <T> T inTransaction(Work<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try {
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                rollback(connection, e);
                throw e;
            } finally {
                // Pools differ in whether they reset this on return; leave the connection as we found it.
                connection.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
                // Only reachable when another writer (maybe another gateway process) won a race we checked for.
                throw PromptException.conflict("Someone else made the same change at the same moment; reload and"
                        + " try again", e);
            }
            throw PromptException.storage("The prompt store failed: " + e.getMessage(), e);
        }
    }

    private static void rollback(Connection connection, Exception failure) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            failure.addSuppressed(e);
        }
    }
}
