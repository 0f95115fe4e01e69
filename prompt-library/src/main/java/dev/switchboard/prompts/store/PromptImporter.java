package dev.switchboard.prompts.store;

import dev.switchboard.prompts.PromptException;
import dev.switchboard.prompts.model.ImportResult;
import dev.switchboard.prompts.model.Names;
import dev.switchboard.prompts.model.Prompt;
import dev.switchboard.prompts.model.PromptDetails;
import dev.switchboard.prompts.model.PromptVersion;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings exported prompts back in, never overwriting history:
 * <ul>
 *   <li>a prompt that does not exist is created exactly as exported (times, authors, numbers);</li>
 *   <li>for one that exists, versions with the same number must be identical and are skipped; versions past the
 *       stored newest are appended; a version that differs from the stored one with its number is a CONFLICT;</li>
 *   <li>description and tags are taken from the document (they are not versioned);</li>
 *   <li>labels in the document are set to its versions, each change recorded as a label move by the importer;
 *       labels the document does not mention are left alone.</li>
 * </ul>
 * All documents go in one transaction: on any error nothing is imported.
 */
public final class PromptImporter {
    private static final Logger LOG = LoggerFactory.getLogger(PromptImporter.class);

    private final Database database;
    private final Clock clock;
    private final PromptTables prompts = new PromptTables();
    private final LabelTables labels = new LabelTables();

    public PromptImporter(DataSource dataSource, Clock clock) {
        this.database = new Database(dataSource);
        this.clock = clock;
    }

    public List<ImportResult> importAll(List<PromptDetails> documents, String importedBy) {
        if (importedBy == null || importedBy.isBlank()) {
            throw PromptException.invalid("An import needs the name of who imports it");
        }
        Set<String> names = new HashSet<>();
        for (PromptDetails document : documents) {
            if (!names.add(document.prompt().name())) {
                throw PromptException.invalid("Prompt '" + document.prompt().name() + "' appears twice in the import");
            }
            requireWellFormed(document);
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        return database.inTransaction(connection -> {
            List<ImportResult> results = new ArrayList<>();
            for (PromptDetails document : documents) {
                results.add(importOne(connection, document, importedBy, now));
            }
            LOG.info("Imported {} prompts for {}", results.size(), importedBy);
            return results;
        });
    }

    private ImportResult importOne(Connection connection, PromptDetails document, String importedBy, Instant now)
            throws SQLException {
        Prompt prompt = document.prompt();
        Optional<Long> existing = prompts.lockId(connection, prompt.name());
        long id;
        List<PromptVersion> stored;
        if (existing.isPresent()) {
            id = existing.get();
            stored = prompts.versions(connection, id, prompt.name());
            prompts.updateDetails(connection, id, prompt.description(), prompt.tags());
        } else {
            id = prompts.insertPrompt(connection, prompt);
            stored = List.of();
        }
        List<PromptVersion> incoming = document.versions();
        int common = Math.min(stored.size(), incoming.size());
        for (int i = 0; i < common; i++) {
            if (!stored.get(i).equals(incoming.get(i))) {
                throw PromptException.conflict("Prompt '" + prompt.name() + "': version " + (i + 1) + " in the"
                        + " import differs from the stored version " + (i + 1) + ", so the histories have diverged."
                        + " Nothing was imported; import it under another name or add the changes as new versions.");
            }
        }
        for (PromptVersion version : incoming.subList(common, incoming.size())) {
            prompts.insertVersion(connection, id, version);
        }
        int moved = 0;
        for (Map.Entry<String, Integer> label : document.labels().entrySet()) {
            Integer current = labels.label(connection, id, label.getKey()).orElse(null);
            if (!Objects.equals(current, label.getValue())) {
                labels.move(connection, id, prompt.name(), label.getKey(), label.getValue(), importedBy, now);
                moved++;
            }
        }
        return new ImportResult(prompt.name(), existing.isEmpty(), incoming.size() - common, common, moved);
    }

    private static void requireWellFormed(PromptDetails document) {
        String name = document.prompt().name();
        List<PromptVersion> versions = document.versions();
        if (versions.isEmpty()) {
            throw PromptException.invalid("Prompt '" + name + "' has no versions to import");
        }
        for (int i = 0; i < versions.size(); i++) {
            if (versions.get(i).number() != i + 1) {
                throw PromptException.invalid("Prompt '" + name + "': versions must be numbered 1, 2, 3... in order;"
                        + " found " + versions.get(i).number() + " where " + (i + 1) + " belongs");
            }
        }
        document.labels().forEach((label, version) -> {
            Names.requireMovableLabel(label);
            if (version == null || version < 1 || version > versions.size()) {
                throw PromptException.invalid("Prompt '" + name + "': label '" + label + "' points at version "
                        + version + ", which is not in the import");
            }
        });
    }
}
