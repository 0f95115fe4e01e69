package dev.switchboard.prompts.io;

import java.util.List;

/** The file form of "export all": every prompt, by name. */
record PromptBundle(List<PromptDocument> prompts) {
}
