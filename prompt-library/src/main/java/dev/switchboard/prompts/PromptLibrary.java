package dev.switchboard.prompts;

import dev.switchboard.prompts.diff.PromptDiff;
import dev.switchboard.prompts.diff.PromptDiffer;
import dev.switchboard.prompts.io.PromptCodec;
import dev.switchboard.prompts.io.PromptFormat;
import dev.switchboard.prompts.model.ImportResult;
import dev.switchboard.prompts.model.LabelMove;
import dev.switchboard.prompts.model.NewPrompt;
import dev.switchboard.prompts.model.NewVersion;
import dev.switchboard.prompts.model.Prompt;
import dev.switchboard.prompts.model.PromptDetails;
import dev.switchboard.prompts.model.PromptQuery;
import dev.switchboard.prompts.model.PromptSummary;
import dev.switchboard.prompts.model.PromptVersion;
import dev.switchboard.prompts.model.RenderedPrompt;
import dev.switchboard.prompts.model.VersionRef;
import dev.switchboard.prompts.render.PromptRenderer;
import dev.switchboard.prompts.render.RenderMode;
import dev.switchboard.prompts.store.LabelStore;
import dev.switchboard.prompts.store.PromptImporter;
import dev.switchboard.prompts.store.PromptStore;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The prompt library's one entry point: versioned prompts, labels, diffs, rendering and import/export over one
 * database. Call {@link PromptMigrations#migrate(DataSource)} once before using it. Every failure is a
 * {@link PromptException}.
 */
public final class PromptLibrary {
    private final PromptStore store;
    private final LabelStore labels;
    private final PromptImporter importer;
    private final PromptRenderer renderer;
    private final PromptDiffer differ = new PromptDiffer();
    private final PromptCodec codec = new PromptCodec();

    public PromptLibrary(DataSource dataSource) {
        this(dataSource, Clock.systemUTC());
    }

    /** @param clock stamps versions and label moves; tests pass a fixed one */
    public PromptLibrary(DataSource dataSource, Clock clock) {
        this.store = new PromptStore(dataSource, clock);
        this.labels = new LabelStore(dataSource, clock);
        this.importer = new PromptImporter(dataSource, clock);
        this.renderer = new PromptRenderer(store::version);
    }

    /** Creates a prompt whose version 1 is {@code firstVersion}; CONFLICT if the name is taken. */
    public PromptDetails createPrompt(NewPrompt prompt, NewVersion firstVersion) {
        renderer.check(firstVersion.template());
        return store.create(prompt, firstVersion);
    }

    /** Adds the next version; {@code latest} moves to it. */
    public PromptVersion addVersion(String name, NewVersion version) {
        renderer.check(version.template());
        return store.addVersion(name, version);
    }

    /** Changes description and tags, which are not versioned. */
    public Prompt updatePrompt(String name, String description, List<String> tags) {
        return store.updateDetails(name, description, tags);
    }

    /** The prompt with every version and its labels. */
    public PromptDetails getPrompt(String name) {
        return store.details(name);
    }

    public List<PromptSummary> listPrompts(PromptQuery query) {
        return store.list(query);
    }

    /** The version a number or label ({@code latest}, {@code production}, ...) points at. */
    public PromptVersion getVersion(String name, VersionRef ref) {
        return store.version(name, ref);
    }

    /** Variables the version needs, including those of the partials it includes, in order of appearance. */
    public List<String> variables(String name, VersionRef ref) {
        return renderer.variables(store.version(name, ref));
    }

    /** Points a label at a version; empty if it already pointed there. {@code latest} cannot be set. */
    public Optional<LabelMove> setLabel(String name, String label, int version, String movedBy) {
        return labels.set(name, label, version, movedBy);
    }

    public LabelMove removeLabel(String name, String label, String movedBy) {
        return labels.remove(name, label, movedBy);
    }

    /** Reverts the label's last move; the revert is recorded as a move too. */
    public LabelMove undoLabelMove(String name, String label, String movedBy) {
        return labels.undoLastMove(name, label, movedBy);
    }

    /** Every move of the prompt's labels, newest first. */
    public List<LabelMove> labelHistory(String name) {
        return labels.history(name);
    }

    public PromptDiff diff(String name, VersionRef from, VersionRef to) {
        return differ.diff(store.version(name, from), store.version(name, to));
    }

    /** Renders the version {@code ref} points at; see {@link PromptRenderer} for the template syntax. */
    public RenderedPrompt render(String name, VersionRef ref, Map<String, ?> variables, RenderMode mode) {
        return renderer.render(store.version(name, ref), variables, mode);
    }

    /** One prompt with all versions and labels, as a file to keep in git. */
    public byte[] export(String name, PromptFormat format) {
        return codec.write(store.details(name), format);
    }

    /** Every prompt in one file. */
    public byte[] exportAll(PromptFormat format) {
        return codec.writeAll(store.allDetails(), format);
    }

    /**
     * Imports a file from {@link #export} or {@link #exportAll}, all or nothing. History is never overwritten: see
     * {@link PromptImporter} for the rules (identical versions skipped, new ones appended, a diverging one is a
     * CONFLICT).
     */
    public List<ImportResult> importPrompts(byte[] content, PromptFormat format, String importedBy) {
        List<PromptDetails> documents = codec.read(content, format);
        documents.forEach(document -> document.versions().forEach(version -> renderer.check(version.template())));
        return importer.importAll(documents, importedBy);
    }
}
