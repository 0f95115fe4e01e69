package dev.switchboard.prompts.io;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.switchboard.prompts.PromptException;
import dev.switchboard.prompts.model.ChatMessage;
import dev.switchboard.prompts.model.ModelConfig;
import dev.switchboard.prompts.model.PromptTemplate;
import dev.switchboard.prompts.model.PromptVersion;
import java.util.List;
import java.util.Map;

/** The file form of one version: either {@code messages} or {@code text}, then the model settings and metadata. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"version", "messages", "text", "model", "provider", "parameters", "tools", "response_format",
        "commit_message", "author", "created_at"})
record VersionDocument(int version, List<ChatMessage> messages, String text, String model, String provider,
                       @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, Object> parameters,
                       @JsonInclude(JsonInclude.Include.NON_EMPTY) List<Map<String, Object>> tools,
                       @JsonProperty("response_format") Map<String, Object> responseFormat,
                       @JsonInclude(JsonInclude.Include.NON_EMPTY) @JsonProperty("commit_message")
                       String commitMessage,
                       String author,
                       @JsonProperty("created_at") String createdAt) {

    static VersionDocument of(PromptVersion version) {
        ModelConfig config = version.config();
        List<ChatMessage> messages = null;
        String text = null;
        switch (version.template()) {
            case PromptTemplate.Chat chat -> messages = chat.messages();
            case PromptTemplate.Text plain -> text = plain.text();
        }
        return new VersionDocument(version.number(), messages, text, config.model(), config.provider(),
                config.parameters(), config.tools(), config.responseFormat(), version.commitMessage(),
                version.author(), version.createdAt().toString());
    }

    PromptVersion toVersion(String promptName) {
        String where = "version " + version + " of " + promptName;
        if ((messages == null) == (text == null)) {
            throw PromptException.invalid("In " + where + ": give either messages or text");
        }
        PromptTemplate template = messages != null ? new PromptTemplate.Chat(messages) : new PromptTemplate.Text(text);
        return new PromptVersion(promptName, version, template,
                new ModelConfig(model, provider, parameters, tools, responseFormat), commitMessage,
                Fields.required(author, "author of " + where), Fields.instant(createdAt, "created_at of " + where));
    }
}
