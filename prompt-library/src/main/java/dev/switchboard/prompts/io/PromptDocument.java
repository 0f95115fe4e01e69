package dev.switchboard.prompts.io;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.switchboard.prompts.model.Prompt;
import dev.switchboard.prompts.model.PromptDetails;
import java.util.List;
import java.util.Map;

/**
 * The file form of one prompt with all its versions and labels. A separate type from the model so the file format
 * stays stable when the model changes; field names follow OpenAI's snake_case.
 */
@JsonPropertyOrder({"name", "description", "tags", "created_at", "labels", "versions"})
record PromptDocument(String name, String description, List<String> tags,
                      @JsonProperty("created_at") String createdAt, Map<String, Integer> labels,
                      List<VersionDocument> versions) {

    static PromptDocument of(PromptDetails details) {
        Prompt prompt = details.prompt();
        return new PromptDocument(prompt.name(), prompt.description(), prompt.tags(),
                prompt.createdAt().toString(), details.labels(),
                details.versions().stream().map(VersionDocument::of).toList());
    }

    PromptDetails toDetails() {
        Prompt prompt = new Prompt(name, description, tags, Fields.instant(createdAt, "created_at of " + name));
        return new PromptDetails(prompt,
                Fields.required(versions, "versions of " + name).stream()
                        .map(version -> version.toVersion(name))
                        .toList(),
                labels == null ? Map.of() : labels);
    }
}
