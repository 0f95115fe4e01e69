package dev.switchboard.app.prompts;

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
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The prompt library of the gateway the app is connected to, embedded or remote, in the prompt library's own
 * types. Every method blocks (call it off the FX thread) and fails with a {@link PromptsException} whose message a
 * user can read: the gateway's own for a 400 (the template line, the missing variables) or a 409 (a taken name, a
 * diverging import). Versions are immutable: saving always adds one.
 */
public interface PromptsClient {

    /** Where the gateway lives, for messages. */
    String baseUrl();

    /** Prompts matching every given filter, each with its labels and latest version number. */
    List<PromptSummary> listPrompts(PromptQuery query);

    /** One prompt with all its versions (oldest first) and its labels. */
    PromptDetails getPrompt(String name);

    /** All versions of a prompt, oldest first. */
    List<PromptVersion> listVersions(String name);

    /** The version a number or label ({@code production}, {@code latest}) points at. */
    PromptVersion getVersion(String name, VersionRef ref);

    /** Creates a prompt with {@code firstVersion} as version 1; a taken name is a 409. */
    PromptDetails createPrompt(NewPrompt prompt, NewVersion firstVersion);

    /** Adds {@code version} as the prompt's next version; nothing stored is ever overwritten. */
    PromptVersion saveVersion(String name, NewVersion version);

    /**
     * Points {@code label} at {@code version}, creating or moving it; the move is recorded in the label history.
     *
     * @return the recorded move, empty when the label already pointed there
     */
    Optional<LabelMove> moveLabel(String name, String label, int version);

    /** Every move of every label of the prompt, newest first. */
    List<LabelMove> labelHistory(String name);

    /** Message-by-message and settings line diff between two versions. */
    PromptDiff diff(String name, VersionRef from, VersionRef to);

    /**
     * Fills a saved version's templates with {@code variables}, including partials, exactly as the gateway does
     * for applications; a missing variable fails and is named.
     */
    RenderedPrompt render(String name, VersionRef ref, Map<String, ?> variables);

    /** One prompt with its history and labels, as a file to keep in git. */
    byte[] exportPrompt(String name, PromptFormat format);

    /** Every prompt, as one file. */
    byte[] exportAll(PromptFormat format);

    /**
     * Imports a file made by an export: identical versions are skipped, new ones appended; a diverging history is
     * a 409 and nothing changes.
     */
    List<ImportResult> importPrompts(byte[] content, PromptFormat format);
}
