package dev.switchboard.prompts;

import dev.switchboard.prompts.model.ChatMessage;
import dev.switchboard.prompts.model.ModelConfig;
import dev.switchboard.prompts.model.NewPrompt;
import dev.switchboard.prompts.model.NewVersion;
import dev.switchboard.prompts.model.PromptTemplate;
import java.util.List;
import java.util.Map;

/** Short ways to build the inputs tests need. */
public final class Fixtures {
    private Fixtures() {
    }

    public static NewPrompt prompt(String name) {
        return new NewPrompt(name, "", List.of());
    }

    public static NewVersion chat(String system, String user) {
        return new NewVersion(new PromptTemplate.Chat(List.of(new ChatMessage("system", system),
                new ChatMessage("user", user))), ModelConfig.of("gpt-4o-mini"), "", "ada");
    }

    public static NewVersion text(String text) {
        return new NewVersion(new PromptTemplate.Text(text), ModelConfig.of("gpt-4o-mini"), "", "ada");
    }

    public static NewVersion withParameters(NewVersion version, Map<String, Object> parameters) {
        ModelConfig config = version.config();
        return new NewVersion(version.template(), new ModelConfig(config.model(), config.provider(), parameters,
                config.tools(), config.responseFormat()), version.commitMessage(), version.author());
    }
}
