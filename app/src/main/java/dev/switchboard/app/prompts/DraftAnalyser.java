package dev.switchboard.app.prompts;

import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.switchboard.gateway.Json;
import dev.switchboard.gateway.cost.TokenEstimator;
import dev.switchboard.prompts.PromptException;
import dev.switchboard.prompts.model.ChatMessage;
import dev.switchboard.prompts.model.ModelConfig;
import dev.switchboard.prompts.model.PromptTemplate;
import dev.switchboard.prompts.model.PromptVersion;
import dev.switchboard.prompts.model.RenderedPrompt;
import dev.switchboard.prompts.model.VersionRef;
import dev.switchboard.prompts.render.PromptRenderer;
import dev.switchboard.prompts.render.PromptSource;
import dev.switchboard.prompts.render.RenderMode;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Works out, for the template being edited, which variables it uses and how many tokens it renders to with the
 * values typed so far, with the library's own renderer, so the editor and the gateway never disagree. Partials
 * are fetched from the gateway once per editing session, so this runs off the FX thread.
 */
final class DraftAnalyser {
    /** The template as it stands, with the values to try it with. */
    record Draft(String promptName, PromptTemplate template, String model, Map<String, String> values) {
    }

    /**
     * @param variables names the template uses, in order, including those of its partials
     * @param tokens    input tokens of the rendered messages (OpenAI's tokenizers; other vendors' differ a little)
     * @param problem   why the template cannot be rendered (the line of a broken tag), or null
     */
    record Analysis(List<String> variables, List<ChatMessage> rendered, int tokens, String problem) {
    }

    private final TokenEstimator tokens;
    private final Map<String, PromptVersion> fetched = new ConcurrentHashMap<>();

    DraftAnalyser(TokenEstimator tokens) {
        this.tokens = tokens;
    }

    /** Forgets fetched partials, so a moved label is seen when another prompt is opened. */
    void forgetPartials() {
        fetched.clear();
    }

    /** Blocking: may fetch partials through {@code client}. */
    Analysis analyse(PromptsClient client, Draft draft) {
        PromptSource remote = Partials.from(client);
        PromptVersion version = new PromptVersion(draft.promptName(), 1, draft.template(), ModelConfig.of(null), "",
                "draft", Instant.EPOCH);
        PromptRenderer renderer = new PromptRenderer((name, ref) -> cached(remote, name, ref));
        try {
            List<String> variables = renderer.variables(version);
            // Lenient: untyped values render as nothing, so the count grows as the user fills them in.
            RenderedPrompt rendered = renderer.render(version, Map.copyOf(draft.values()), RenderMode.LENIENT);
            return new Analysis(variables, rendered.messages(), count(draft.model(), rendered.messages()), null);
        } catch (PromptException | PromptsException e) {
            return new Analysis(List.of(), List.of(), 0, e.getMessage());
        }
    }

    private int count(String model, List<ChatMessage> messages) {
        ArrayNode json = Json.MAPPER.createArrayNode();
        messages.forEach(m -> json.addObject().put("role", m.role()).put("content", m.content()));
        return tokens.countMessages(model, json);
    }

    private PromptVersion cached(PromptSource remote, String name, VersionRef ref) {
        String key = name + "@" + ref;
        PromptVersion known = fetched.get(key);
        if (known != null) {
            return known;
        }
        PromptVersion version = remote.find(name, ref);
        fetched.put(key, version);
        return version;
    }
}
