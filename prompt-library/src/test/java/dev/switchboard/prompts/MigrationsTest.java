package dev.switchboard.prompts;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MigrationsTest {
    @TempDir
    Path dir;

    @Test
    void runsNextToTheGatewaysOwnFlywayMigrationsInTheSameDatabase() throws SQLException {
        try (TestDatabase database = TestDatabase.unmigrated(dir)) {
            // The gateway migrates first with Flyway's default history table, then the prompt library.
            Flyway.configure().dataSource(database.dataSource()).locations("classpath:db/gateway-fake").load()
                    .migrate();

            PromptMigrations.migrate(database.dataSource());
            PromptMigrations.migrate(database.dataSource());

            assertThat(tables(database)).contains("GATEWAY_TRACES", "flyway_schema_history", "flyway_prompts_history",
                    "PROMPT_PROMPTS", "PROMPT_VERSIONS", "PROMPT_LABELS", "PROMPT_LABEL_MOVES", "PROMPT_TAGS");
            new PromptLibrary(database.dataSource()).createPrompt(Fixtures.prompt("works"), Fixtures.text("yes"));
        }
    }

    private static List<String> tables(TestDatabase database) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (Connection connection = database.dataSource().getConnection();
             ResultSet rows = connection.getMetaData().getTables(null, "PUBLIC", "%", new String[] {"TABLE"})) {
            while (rows.next()) {
                tables.add(rows.getString("TABLE_NAME"));
            }
        }
        return tables;
    }
}
