package dev.switchboard.prompts.io;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.switchboard.prompts.PromptException;
import dev.switchboard.prompts.model.ChatMessage;
import dev.switchboard.prompts.model.ModelConfig;
import dev.switchboard.prompts.model.NewVersion;
import dev.switchboard.prompts.model.PromptTemplate;
import java.util.List;
import java.util.Map;

/** A version as a client sends it to be added: the file form without number and time, author optional. */
record NewVersionDocument(List<ChatMessage> messages, String text, String model, String provider,
                          Map<String, Object> parameters, List<Map<String, Object>> tools,
                          @JsonProperty("response_format") Map<String, Object> responseFormat,
                          @JsonProperty("commit_message") String commitMessage, String author) {

    NewVersion toNewVersion(String defaultAuthor) {
        if ((messages == null) == (text == null)) {
            throw PromptException.invalid("Give either messages or text");
        }
        PromptTemplate template = messages != null ? new PromptTemplate.Chat(messages) : new PromptTemplate.Text(text);
        return new NewVersion(template, new ModelConfig(model, provider, parameters, tools, responseFormat),
                commitMessage, author == null || author.isBlank() ? defaultAuthor : author);
    }
}
