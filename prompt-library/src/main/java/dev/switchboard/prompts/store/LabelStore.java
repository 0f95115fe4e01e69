package dev.switchboard.prompts.store;

import dev.switchboard.prompts.PromptException;
import dev.switchboard.prompts.model.LabelMove;
import dev.switchboard.prompts.model.Names;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Labels such as {@code production} and {@code staging} that say which version is live. Every change is recorded
 * as a {@link LabelMove}; undo is itself a recorded move, so the history never loses anything.
 */
public final class LabelStore {
    private static final Logger LOG = LoggerFactory.getLogger(LabelStore.class);

    private final Database database;
    private final Clock clock;
    private final PromptTables prompts = new PromptTables();
    private final LabelTables labels = new LabelTables();

    public LabelStore(DataSource dataSource, Clock clock) {
        this.database = new Database(dataSource);
        this.clock = clock;
    }

    /** Points the label at a version; empty when it already pointed there (nothing is recorded then). */
    public Optional<LabelMove> set(String name, String label, int version, String movedBy) {
        Names.requireMovableLabel(label);
        requireActor(movedBy);
        return database.inTransaction(connection -> {
            long id = prompts.requireLockedId(connection, name);
            if (prompts.version(connection, id, name, version).isEmpty()) {
                throw PromptException.notFound("Prompt '" + name + "' has no version " + version);
            }
            if (labels.label(connection, id, label).filter(current -> current == version).isPresent()) {
                return Optional.empty();
            }
            return Optional.of(logged(labels.move(connection, id, name, label, version, movedBy, now())));
        });
    }

    /** Deletes the label; NOT_FOUND if the prompt does not have it. */
    public LabelMove remove(String name, String label, String movedBy) {
        Names.requireMovableLabel(label);
        requireActor(movedBy);
        return database.inTransaction(connection -> {
            long id = prompts.requireLockedId(connection, name);
            if (labels.label(connection, id, label).isEmpty()) {
                throw PromptException.notFound("Prompt '" + name + "' has no label '" + label + "'");
            }
            return logged(labels.move(connection, id, name, label, null, movedBy, now()));
        });
    }

    /**
     * Puts the label back where its last move took it from (removing it if that move created it). Undoing twice
     * redoes, because the undo is the label's new last move.
     */
    public LabelMove undoLastMove(String name, String label, String movedBy) {
        Names.requireMovableLabel(label);
        requireActor(movedBy);
        return database.inTransaction(connection -> {
            long id = prompts.requireLockedId(connection, name);
            LabelMove last = labels.lastMove(connection, id, name, label).orElseThrow(() ->
                    PromptException.notFound("Label '" + label + "' of prompt '" + name
                            + "' has never been moved, so there is nothing to undo"));
            return logged(labels.move(connection, id, name, label, last.fromVersion(), movedBy, now()));
        });
    }

    /** Every move of the prompt's labels, newest first. */
    public List<LabelMove> history(String name) {
        return database.inTransaction(connection ->
                labels.moves(connection, prompts.requireId(connection, name), name));
    }

    private static void requireActor(String movedBy) {
        if (movedBy == null || movedBy.isBlank()) {
            throw PromptException.invalid("Moving a label needs the name of who moves it");
        }
    }

    private static LabelMove logged(LabelMove move) {
        LOG.info("Label {} of prompt {} moved from {} to {} by {}", move.label(), move.promptName(),
                move.fromVersion(), move.toVersion(), move.movedBy());
        return move;
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
