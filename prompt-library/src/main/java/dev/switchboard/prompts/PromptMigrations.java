package dev.switchboard.prompts;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates and upgrades the prompt tables. They share the gateway's database, so they keep their own Flyway location
 * and history table and never touch the gateway's migrations.
 */
public final class PromptMigrations {
    public static final String LOCATION = "classpath:db/prompts";
    public static final String HISTORY_TABLE = "flyway_prompts_history";

    private static final Logger LOG = LoggerFactory.getLogger(PromptMigrations.class);

    private PromptMigrations() {
    }

    /** Applies pending prompt migrations; safe to call on every start, before or after the gateway's own. */
    public static void migrate(DataSource dataSource) {
        MigrateResult result = flyway(dataSource).migrate();
        if (result.migrationsExecuted > 0) {
            LOG.info("Applied {} prompt library migrations, schema now at version {}", result.migrationsExecuted,
                    result.targetSchemaVersion);
        }
    }

    /** Migrations of the prompt tables not yet applied to the database; empty when it is up to date. */
    public static int pending(DataSource dataSource) {
        return flyway(dataSource).info().pending().length;
    }

    private static Flyway flyway(DataSource dataSource) {
        return Flyway.configure(PromptMigrations.class.getClassLoader())
                .dataSource(dataSource)
                .locations(LOCATION)
                .table(HISTORY_TABLE)
                // The schema is usually not empty (the gateway's tables live there too); Flyway refuses such a
                // schema unless told that "no history yet" means "start from scratch", which version 0 does.
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .load();
    }
}
