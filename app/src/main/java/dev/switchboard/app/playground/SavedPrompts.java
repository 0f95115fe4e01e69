package dev.switchboard.app.playground;

import dev.switchboard.app.prompts.PromptsClient;
import dev.switchboard.prompts.model.ModelConfig;
import dev.switchboard.prompts.model.PromptQuery;
import dev.switchboard.prompts.model.PromptSummary;
import dev.switchboard.prompts.model.PromptTemplate;
import dev.switchboard.prompts.model.PromptVersion;
import dev.switchboard.prompts.model.RenderedPrompt;
import dev.switchboard.prompts.model.VersionRef;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The connected gateway's prompt library as a playground source, through the Prompts page's client. Blocking;
 * call off the FX thread. Rendering goes through the gateway, so partials resolve exactly as for applications, and
 * the version's parameters, tools and response format go with its messages.
 */
public final class SavedPrompts {
    private final Supplier<PromptsClient> client;

    /** @param client the prompt library of the connected gateway, or null when there is none (demo mode) */
    public SavedPrompts(Supplier<PromptsClient> client) {
        this.client = client;
    }

    /** A saved version as a source: its messages, with the template's {@code {{variables}}} still in them. */
    public record Loaded(String name, int version, List<Message> messages) {
    }

    List<String> names() {
        PromptsClient prompts = client.get();
        return prompts == null ? List.of()
                : prompts.listPrompts(PromptQuery.all()).stream().map(PromptSummary::name).toList();
    }

    /** @param ref a version number or a label, e.g. {@code 3} or {@code production} */
    Loaded load(String name, String ref) {
        PromptVersion version = require().getVersion(name, VersionRef.parse(ref == null || ref.isBlank()
                ? "latest" : ref.strip()));
        List<Message> messages = switch (version.template()) {
            case PromptTemplate.Chat chat -> chat.messages().stream()
                    .map(m -> new Message(m.role(), m.content())).toList();
            case PromptTemplate.Text text -> List.of(new Message("user", text.text()));
        };
        return new Loaded(version.promptName(), version.number(), messages);
    }

    /** A rendered version: its messages and the request fields its settings bring. */
    record Rendered(List<Message> messages, Map<String, Object> settings) {
    }

    Rendered render(String name, int version, Map<String, String> variables) {
        RenderedPrompt rendered = require().render(name, VersionRef.number(version), variables);
        ModelConfig config = rendered.config();
        Map<String, Object> settings = new LinkedHashMap<>(config.parameters());
        if (!config.tools().isEmpty()) {
            settings.put("tools", config.tools());
        }
        if (config.responseFormat() != null) {
            settings.put("response_format", config.responseFormat());
        }
        return new Rendered(rendered.messages().stream().map(m -> new Message(m.role(), m.content())).toList(),
                settings);
    }

    private PromptsClient require() {
        PromptsClient prompts = client.get();
        if (prompts == null) {
            throw new IllegalStateException("Saved prompts need the gateway's admin API, which demo mode does not "
                    + "offer");
        }
        return prompts;
    }
}
