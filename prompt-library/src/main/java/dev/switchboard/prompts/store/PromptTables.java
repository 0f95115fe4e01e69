package dev.switchboard.prompts.store;

import dev.switchboard.prompts.PromptException;
import dev.switchboard.prompts.model.ModelConfig;
import dev.switchboard.prompts.model.Prompt;
import dev.switchboard.prompts.model.PromptTemplate;
import dev.switchboard.prompts.model.PromptVersion;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** SQL for prompts, their tags and versions; every method runs inside the caller's transaction. */
final class PromptTables {
    private static final String CHAT = "chat";
    private static final String TEXT = "text";
    private static final String VERSION_COLUMNS = "version_number, template_kind, template, model, provider,"
            + " parameters, tools, response_format, commit_message, author, created_at";

    private final ColumnJson json = new ColumnJson();

    Optional<Long> findId(Connection connection, String name) throws SQLException {
        return queryId(connection, "SELECT id FROM prompt_prompts WHERE name = ?", name);
    }

    /**
     * Finds the prompt and locks its row until the transaction ends. Every writer of a prompt's versions or labels
     * takes this lock first, so they take turns even across gateway processes sharing the database.
     */
    Optional<Long> lockId(Connection connection, String name) throws SQLException {
        return queryId(connection, "SELECT id FROM prompt_prompts WHERE name = ? FOR UPDATE", name);
    }

    long requireLockedId(Connection connection, String name) throws SQLException {
        return lockId(connection, name).orElseThrow(() -> notFound(name));
    }

    long requireId(Connection connection, String name) throws SQLException {
        return findId(connection, name).orElseThrow(() -> notFound(name));
    }

    static PromptException notFound(String name) {
        return PromptException.notFound("Prompt '" + name + "' not found");
    }

    long insertPrompt(Connection connection, Prompt prompt) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO prompt_prompts (name, description, created_at) VALUES (?, ?, ?)")) {
            insert.setString(1, prompt.name());
            insert.setString(2, prompt.description());
            insert.setLong(3, prompt.createdAt().toEpochMilli());
            insert.executeUpdate();
        }
        // Read the id back by name rather than through generated keys, whose column naming differs by driver.
        long id = requireId(connection, prompt.name());
        insertTags(connection, id, prompt.tags());
        return id;
    }

    void updateDetails(Connection connection, long id, String description, List<String> tags) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE prompt_prompts SET description = ? WHERE id = ?")) {
            update.setString(1, description);
            update.setLong(2, id);
            update.executeUpdate();
        }
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM prompt_tags WHERE prompt_id = ?")) {
            delete.setLong(1, id);
            delete.executeUpdate();
        }
        insertTags(connection, id, tags);
    }

    private static void insertTags(Connection connection, long id, List<String> tags) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO prompt_tags (prompt_id, tag) VALUES (?, ?)")) {
            for (String tag : tags) {
                insert.setLong(1, id);
                insert.setString(2, tag);
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    Prompt prompt(Connection connection, long id) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT name, description, created_at FROM prompt_prompts WHERE id = ?")) {
            select.setLong(1, id);
            try (ResultSet row = select.executeQuery()) {
                row.next();
                return new Prompt(row.getString(1), row.getString(2), tags(connection, id),
                        Instant.ofEpochMilli(row.getLong(3)));
            }
        }
    }

    private static List<String> tags(Connection connection, long id) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT tag FROM prompt_tags WHERE prompt_id = ? ORDER BY tag")) {
            select.setLong(1, id);
            List<String> tags = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    tags.add(rows.getString(1));
                }
            }
            return tags;
        }
    }

    void insertVersion(Connection connection, long id, PromptVersion version) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO prompt_versions (prompt_id, " + VERSION_COLUMNS + ")"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            ModelConfig config = version.config();
            insert.setLong(1, id);
            insert.setInt(2, version.number());
            switch (version.template()) {
                case PromptTemplate.Chat chat -> {
                    insert.setString(3, CHAT);
                    insert.setString(4, json.write(chat.messages()));
                }
                case PromptTemplate.Text text -> {
                    insert.setString(3, TEXT);
                    insert.setString(4, text.text());
                }
            }
            insert.setString(5, config.model());
            insert.setString(6, config.provider());
            insert.setString(7, json.write(config.parameters()));
            insert.setString(8, json.write(config.tools()));
            if (config.responseFormat() == null) {
                insert.setNull(9, Types.VARCHAR);
            } else {
                insert.setString(9, json.write(config.responseFormat()));
            }
            insert.setString(10, version.commitMessage());
            insert.setString(11, version.author());
            insert.setLong(12, version.createdAt().toEpochMilli());
            insert.executeUpdate();
        }
    }

    /** The newest version number, 0 for a prompt that has none yet. */
    int latestNumber(Connection connection, long id) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT MAX(version_number) FROM prompt_versions WHERE prompt_id = ?")) {
            select.setLong(1, id);
            try (ResultSet row = select.executeQuery()) {
                row.next();
                return row.getInt(1);
            }
        }
    }

    Optional<PromptVersion> version(Connection connection, long id, String name, int number) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT " + VERSION_COLUMNS + " FROM prompt_versions WHERE prompt_id = ? AND version_number = ?")) {
            select.setLong(1, id);
            select.setInt(2, number);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(version(name, row)) : Optional.empty();
            }
        }
    }

    List<PromptVersion> versions(Connection connection, long id, String name) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT " + VERSION_COLUMNS + " FROM prompt_versions WHERE prompt_id = ? ORDER BY version_number")) {
            select.setLong(1, id);
            List<PromptVersion> versions = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    versions.add(version(name, rows));
                }
            }
            return versions;
        }
    }

    private PromptVersion version(String name, ResultSet row) throws SQLException {
        PromptTemplate template = switch (row.getString("template_kind")) {
            case CHAT -> new PromptTemplate.Chat(json.messages(row.getString("template")));
            case TEXT -> new PromptTemplate.Text(row.getString("template"));
            default -> throw new IllegalStateException("Unknown template kind " + row.getString("template_kind"));
        };
        ModelConfig config = new ModelConfig(row.getString("model"), row.getString("provider"),
                json.object(row.getString("parameters")), json.objects(row.getString("tools")),
                json.object(row.getString("response_format")));
        return new PromptVersion(name, row.getInt("version_number"), template, config,
                row.getString("commit_message"), row.getString("author"),
                Instant.ofEpochMilli(row.getLong("created_at")));
    }

    private static Optional<Long> queryId(Connection connection, String sql, String name) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            select.setString(1, name);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(row.getLong(1)) : Optional.empty();
            }
        }
    }
}
