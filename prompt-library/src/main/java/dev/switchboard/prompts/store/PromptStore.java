package dev.switchboard.prompts.store;

import dev.switchboard.prompts.PromptException;
import dev.switchboard.prompts.model.Names;
import dev.switchboard.prompts.model.NewPrompt;
import dev.switchboard.prompts.model.NewVersion;
import dev.switchboard.prompts.model.Prompt;
import dev.switchboard.prompts.model.PromptDetails;
import dev.switchboard.prompts.model.PromptQuery;
import dev.switchboard.prompts.model.PromptSummary;
import dev.switchboard.prompts.model.PromptVersion;
import dev.switchboard.prompts.model.VersionRef;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Prompts and their immutable versions in the database: create, add versions, look up and list. */
public final class PromptStore {
    private static final Logger LOG = LoggerFactory.getLogger(PromptStore.class);

    private final Database database;
    private final Clock clock;
    private final PromptTables prompts = new PromptTables();
    private final LabelTables labels = new LabelTables();

    public PromptStore(DataSource dataSource, Clock clock) {
        this.database = new Database(dataSource);
        this.clock = clock;
    }

    /** Creates the prompt with {@code firstVersion} as version 1; CONFLICT if the name is taken. */
    public PromptDetails create(NewPrompt prompt, NewVersion firstVersion) {
        Instant now = now();
        return database.inTransaction(connection -> {
            if (prompts.findId(connection, prompt.name()).isPresent()) {
                throw PromptException.conflict("A prompt named '" + prompt.name() + "' already exists");
            }
            long id = prompts.insertPrompt(connection,
                    new Prompt(prompt.name(), prompt.description(), prompt.tags(), now));
            prompts.insertVersion(connection, id, PromptVersion.of(prompt.name(), 1, firstVersion, now));
            LOG.info("Created prompt {}", prompt.name());
            return details(connection, id);
        });
    }

    /** Appends a version numbered one past the newest; concurrent writers each get their own number. */
    public PromptVersion addVersion(String name, NewVersion version) {
        Instant now = now();
        return database.inTransaction(connection -> {
            long id = prompts.requireLockedId(connection, name);
            PromptVersion added = PromptVersion.of(name, prompts.latestNumber(connection, id) + 1, version, now);
            prompts.insertVersion(connection, id, added);
            LOG.debug("Added version {} of prompt {}", added.number(), name);
            return added;
        });
    }

    /** Replaces the description and tags; they describe the prompt and are not versioned. */
    public Prompt updateDetails(String name, String description, List<String> tags) {
        NewPrompt updated = new NewPrompt(name, description, tags);
        return database.inTransaction(connection -> {
            long id = prompts.requireLockedId(connection, name);
            prompts.updateDetails(connection, id, updated.description(), updated.tags());
            return prompts.prompt(connection, id);
        });
    }

    public PromptDetails details(String name) {
        return database.inTransaction(connection -> details(connection, prompts.requireId(connection, name)));
    }

    /** Every prompt with its history, by name; what "export all" writes. */
    public List<PromptDetails> allDetails() {
        return database.inTransaction(connection -> {
            List<PromptDetails> all = new ArrayList<>();
            for (long id : ids(connection, PromptQuery.all())) {
                all.add(details(connection, id));
            }
            return all;
        });
    }

    /** Prompts matching the query, by name. */
    public List<PromptSummary> list(PromptQuery query) {
        return database.inTransaction(connection -> {
            Map<Long, Map<String, Integer>> allLabels = labels.allLabels(connection);
            List<PromptSummary> summaries = new ArrayList<>();
            for (long id : ids(connection, query)) {
                Prompt prompt = prompts.prompt(connection, id);
                PromptVersion latest = prompts.version(connection, id, prompt.name(),
                        prompts.latestNumber(connection, id)).orElseThrow();
                summaries.add(new PromptSummary(prompt.name(), prompt.description(), prompt.tags(),
                        latest.number(), allLabels.getOrDefault(id, Map.of()), latest.createdAt()));
            }
            return summaries;
        });
    }

    /** The version a number or label points at; NOT_FOUND names what is missing. */
    public PromptVersion version(String name, VersionRef ref) {
        return database.inTransaction(connection -> {
            long id = prompts.requireId(connection, name);
            int number = switch (ref) {
                case VersionRef.Number exact -> exact.value();
                case VersionRef.Label label when label.name().equals(Names.LATEST) ->
                        prompts.latestNumber(connection, id);
                case VersionRef.Label label -> labels.label(connection, id, label.name()).orElseThrow(() ->
                        PromptException.notFound("Prompt '" + name + "' has no label '" + label.name() + "'"));
            };
            Optional<PromptVersion> version = prompts.version(connection, id, name, number);
            if (version.isEmpty()) {
                throw PromptException.notFound("Prompt '" + name + "' has no version " + number + " (latest is "
                        + prompts.latestNumber(connection, id) + ")");
            }
            return version.get();
        });
    }

    private PromptDetails details(Connection connection, long id) throws SQLException {
        Prompt prompt = prompts.prompt(connection, id);
        return new PromptDetails(prompt, prompts.versions(connection, id, prompt.name()),
                labels.labels(connection, id));
    }

    private static List<Long> ids(Connection connection, PromptQuery query) throws SQLException {
        StringBuilder sql = new StringBuilder("SELECT p.id FROM prompt_prompts p WHERE 1 = 1");
        List<String> arguments = new ArrayList<>();
        if (query.nameContains() != null) {
            sql.append(" AND LOWER(p.name) LIKE ? ESCAPE '\\'");
            arguments.add("%" + escapeLike(query.nameContains().toLowerCase(Locale.ROOT)) + "%");
        }
        if (query.folder() != null) {
            sql.append(" AND p.name LIKE ? ESCAPE '\\'");
            arguments.add(escapeLike(query.folder()) + "/%");
        }
        if (query.tag() != null) {
            sql.append(" AND EXISTS (SELECT 1 FROM prompt_tags t WHERE t.prompt_id = p.id AND t.tag = ?)");
            arguments.add(query.tag());
        }
        sql.append(" ORDER BY p.name");
        try (PreparedStatement select = connection.prepareStatement(sql.toString())) {
            for (int i = 0; i < arguments.size(); i++) {
                select.setString(i + 1, arguments.get(i));
            }
            List<Long> ids = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getLong(1));
                }
            }
            return ids;
        }
    }

    /** Prompt names may contain '_', which LIKE would otherwise read as "any character". */
    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private Instant now() {
        // Stored as epoch millis: truncate now so what we return equals what a later read gives back.
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
