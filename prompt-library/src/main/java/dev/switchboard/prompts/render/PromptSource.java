package dev.switchboard.prompts.render;

import dev.switchboard.prompts.model.PromptVersion;
import dev.switchboard.prompts.model.VersionRef;

/** Where the renderer looks up the prompts that partials include: the store in the library, a map in tests. */
@FunctionalInterface
public interface PromptSource {
    /** The version {@code ref} points at; throws a NOT_FOUND {@code PromptException} when there is none. */
    PromptVersion find(String name, VersionRef ref);
}
