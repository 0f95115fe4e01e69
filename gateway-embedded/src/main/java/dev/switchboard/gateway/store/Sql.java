package dev.switchboard.gateway.store;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/** Small JDBC helpers for the gateway's stores: bound arguments always, one connection per call. */
public final class Sql {

    /** Maps the current row. */
    @FunctionalInterface
    public interface RowMapper<T> {
        T map(ResultSet row) throws SQLException;
    }

    private final DataSource dataSource;

    public Sql(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public int update(String sql, Object... args) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            bind(s, args);
            return s.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException(e);
        }
    }

    public <T> List<T> query(String sql, RowMapper<T> mapper, Object... args) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            bind(s, args);
            try (ResultSet rows = s.executeQuery()) {
                List<T> out = new ArrayList<>();
                while (rows.next()) {
                    out.add(mapper.map(rows));
                }
                return out;
            }
        } catch (SQLException e) {
            throw new StoreException(e);
        }
    }

    public <T> Optional<T> one(String sql, RowMapper<T> mapper, Object... args) {
        List<T> rows = query(sql, mapper, args);
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.getFirst());
    }

    /** Inserts a row, or reports false when one with that key exists (another writer was first). */
    public boolean insertIfAbsent(String sql, Object... args) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            bind(s, args);
            s.executeUpdate();
            return true;
        } catch (SQLException e) {
            // SQLState class 23: integrity constraint violation, the portable sign of a duplicate key.
            if (e.getSQLState() != null && e.getSQLState().startsWith("23")) {
                return false;
            }
            throw new StoreException(e);
        }
    }

    static void bind(PreparedStatement statement, Object... args) throws SQLException {
        for (int i = 0; i < args.length; i++) {
            Object arg = args[i];
            switch (arg) {
                case null -> statement.setNull(i + 1, Types.VARCHAR);
                case Long l -> statement.setLong(i + 1, l);
                case Integer n -> statement.setInt(i + 1, n);
                case Boolean b -> statement.setBoolean(i + 1, b);
                case BigDecimal d -> statement.setBigDecimal(i + 1, d);
                case NullOf typed -> statement.setNull(i + 1, typed.sqlType());
                default -> statement.setString(i + 1, arg.toString());
            }
        }
    }

    /** A typed SQL NULL, for columns where a VARCHAR null would not do (PostgreSQL checks types). */
    public record NullOf(int sqlType) {
        public static final NullOf INTEGER = new NullOf(Types.INTEGER);
        public static final NullOf BIGINT = new NullOf(Types.BIGINT);
        public static final NullOf DECIMAL = new NullOf(Types.DECIMAL);
    }

    /** Reads a nullable INTEGER column. */
    public static Integer integer(ResultSet row, String column) throws SQLException {
        int value = row.getInt(column);
        return row.wasNull() ? null : value;
    }

    /** Reads a nullable BIGINT column. */
    public static Long longValue(ResultSet row, String column) throws SQLException {
        long value = row.getLong(column);
        return row.wasNull() ? null : value;
    }
}
