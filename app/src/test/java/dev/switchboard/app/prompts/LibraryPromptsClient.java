package dev.switchboard.app.prompts;

import dev.switchboard.prompts.PromptException;
import dev.switchboard.prompts.PromptLibrary;
import dev.switchboard.prompts.PromptMigrations;
import dev.switchboard.prompts.diff.PromptDiff;
import dev.switchboard.prompts.io.PromptFormat;
import dev.switchboard.prompts.model.ImportResult;
import dev.switchboard.prompts.model.LabelMove;
import dev.switchboard.prompts.model.NewPrompt;
import dev.switchboard.prompts.model.NewVersion;
import dev.switchboard.prompts.model.PromptDetails;
import dev.switchboard.prompts.model.PromptQuery;
import dev.switchboard.prompts.model.PromptSummary;
import dev.switchboard.prompts.model.PromptVersion;
import dev.switchboard.prompts.model.RenderedPrompt;
import dev.switchboard.prompts.model.VersionRef;
import dev.switchboard.prompts.render.RenderMode;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.h2.jdbcx.JdbcDataSource;

/**
 * A {@link PromptsClient} for ViewModel tests: the real prompt library on an in-memory H2 database, with the
 * library's errors turned into the client's as the admin API does (404, 400, 409). Counts label moves, so a test
 * can tell that nothing moved before the user confirmed.
 */
final class LibraryPromptsClient implements PromptsClient {
    private static final AtomicInteger DATABASES = new AtomicInteger();

    final PromptLibrary library;
    final AtomicInteger labelMoves = new AtomicInteger();

    LibraryPromptsClient() {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:prompts-ui-" + DATABASES.incrementAndGet() + ";DB_CLOSE_DELAY=-1");
        PromptMigrations.migrate(dataSource);
        library = new PromptLibrary(dataSource);
    }

    private static <T> T call(Supplier<T> call) {
        try {
            return call.get();
        } catch (PromptException e) {
            throw Partials.toClientError(e);
        }
    }

    @Override
    public String baseUrl() {
        return "memory";
    }

    @Override
    public List<PromptSummary> listPrompts(PromptQuery query) {
        return call(() -> library.listPrompts(query));
    }

    @Override
    public PromptDetails getPrompt(String name) {
        return call(() -> library.getPrompt(name));
    }

    @Override
    public List<PromptVersion> listVersions(String name) {
        return getPrompt(name).versions();
    }

    @Override
    public PromptVersion getVersion(String name, VersionRef ref) {
        return call(() -> library.getVersion(name, ref));
    }

    @Override
    public PromptDetails createPrompt(NewPrompt prompt, NewVersion firstVersion) {
        return call(() -> library.createPrompt(prompt, firstVersion));
    }

    @Override
    public PromptVersion saveVersion(String name, NewVersion version) {
        return call(() -> library.addVersion(name, version));
    }

    @Override
    public Optional<LabelMove> moveLabel(String name, String label, int version) {
        labelMoves.incrementAndGet();
        return call(() -> library.setLabel(name, label, version, "test"));
    }

    @Override
    public List<LabelMove> labelHistory(String name) {
        return call(() -> library.labelHistory(name));
    }

    @Override
    public PromptDiff diff(String name, VersionRef from, VersionRef to) {
        return call(() -> library.diff(name, from, to));
    }

    @Override
    public RenderedPrompt render(String name, VersionRef ref, Map<String, ?> variables) {
        return call(() -> library.render(name, ref, variables, RenderMode.STRICT));
    }

    @Override
    public byte[] exportPrompt(String name, PromptFormat format) {
        return call(() -> library.export(name, format));
    }

    @Override
    public byte[] exportAll(PromptFormat format) {
        return call(() -> library.exportAll(format));
    }

    @Override
    public List<ImportResult> importPrompts(byte[] content, PromptFormat format) {
        return call(() -> library.importPrompts(content, format, "test"));
    }
}
