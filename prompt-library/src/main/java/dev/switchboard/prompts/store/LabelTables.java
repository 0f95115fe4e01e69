package dev.switchboard.prompts.store;

import dev.switchboard.prompts.model.LabelMove;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * SQL for labels and their move history; every method runs inside the caller's transaction, which must hold the
 * prompt's row lock when it changes a label.
 */
final class LabelTables {
    private static final String MOVE_COLUMNS = "label, from_version, to_version, moved_by, moved_at";

    Map<String, Integer> labels(Connection connection, long promptId) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT label, version_number FROM prompt_labels WHERE prompt_id = ?")) {
            select.setLong(1, promptId);
            Map<String, Integer> labels = new HashMap<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    labels.put(rows.getString(1), rows.getInt(2));
                }
            }
            return labels;
        }
    }

    /** Labels of every prompt by prompt id, for listing; one query instead of one per prompt. */
    Map<Long, Map<String, Integer>> allLabels(Connection connection) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT prompt_id, label, version_number FROM prompt_labels")) {
            Map<Long, Map<String, Integer>> labels = new HashMap<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    labels.computeIfAbsent(rows.getLong(1), id -> new HashMap<>()).put(rows.getString(2),
                            rows.getInt(3));
                }
            }
            return labels;
        }
    }

    Optional<Integer> label(Connection connection, long promptId, String label) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT version_number FROM prompt_labels WHERE prompt_id = ? AND label = ?")) {
            select.setLong(1, promptId);
            select.setString(2, label);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(row.getInt(1)) : Optional.empty();
            }
        }
    }

    /**
     * Points {@code label} at {@code toVersion} ({@code null} removes it) and records the move. A plain
     * delete-then-insert instead of MERGE / ON CONFLICT keeps the SQL the same on H2 and PostgreSQL; the prompt row
     * lock the caller holds makes it safe.
     */
    LabelMove move(Connection connection, long promptId, String promptName, String label, Integer toVersion,
                   String movedBy, Instant movedAt) throws SQLException {
        Integer fromVersion = label(connection, promptId, label).orElse(null);
        try (PreparedStatement delete = connection.prepareStatement(
                "DELETE FROM prompt_labels WHERE prompt_id = ? AND label = ?")) {
            delete.setLong(1, promptId);
            delete.setString(2, label);
            delete.executeUpdate();
        }
        if (toVersion != null) {
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO prompt_labels (prompt_id, label, version_number) VALUES (?, ?, ?)")) {
                insert.setLong(1, promptId);
                insert.setString(2, label);
                insert.setInt(3, toVersion);
                insert.executeUpdate();
            }
        }
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO prompt_label_moves (prompt_id, " + MOVE_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?)")) {
            insert.setLong(1, promptId);
            insert.setString(2, label);
            setVersion(insert, 3, fromVersion);
            setVersion(insert, 4, toVersion);
            insert.setString(5, movedBy);
            insert.setLong(6, movedAt.toEpochMilli());
            insert.executeUpdate();
        }
        return new LabelMove(promptName, label, fromVersion, toVersion, movedBy, movedAt);
    }

    Optional<LabelMove> lastMove(Connection connection, long promptId, String promptName, String label)
            throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT " + MOVE_COLUMNS
                + " FROM prompt_label_moves WHERE prompt_id = ? AND label = ? ORDER BY id DESC")) {
            select.setLong(1, promptId);
            select.setString(2, label);
            select.setMaxRows(1);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(move(promptName, row)) : Optional.empty();
            }
        }
    }

    /** All moves of the prompt's labels, newest first. */
    List<LabelMove> moves(Connection connection, long promptId, String promptName) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT " + MOVE_COLUMNS + " FROM prompt_label_moves WHERE prompt_id = ? ORDER BY id DESC")) {
            select.setLong(1, promptId);
            List<LabelMove> moves = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    moves.add(move(promptName, rows));
                }
            }
            return moves;
        }
    }

    private static LabelMove move(String promptName, ResultSet row) throws SQLException {
        return new LabelMove(promptName, row.getString("label"), row.getObject("from_version", Integer.class),
                row.getObject("to_version", Integer.class), row.getString("moved_by"),
                Instant.ofEpochMilli(row.getLong("moved_at")));
    }

    private static void setVersion(PreparedStatement statement, int index, Integer version) throws SQLException {
        if (version == null) {
            statement.setNull(index, Types.INTEGER);
        } else {
            statement.setInt(index, version);
        }
    }
}
