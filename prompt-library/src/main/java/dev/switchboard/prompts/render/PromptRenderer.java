package dev.switchboard.prompts.render;

import com.github.mustachejava.Code;
import com.github.mustachejava.Mustache;
import com.github.mustachejava.MustacheException;
import com.github.mustachejava.codes.IterableCode;
import com.github.mustachejava.codes.PartialCode;
import com.github.mustachejava.codes.ValueCode;
import dev.switchboard.prompts.PromptException;
import dev.switchboard.prompts.model.ChatMessage;
import dev.switchboard.prompts.model.PromptTemplate;
import dev.switchboard.prompts.model.PromptVersion;
import dev.switchboard.prompts.model.RenderedPrompt;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.SequencedSet;

/**
 * Fills a version's templates with variables. Templates are Mustache:
 * <ul>
 *   <li>{@code {{name}}} inserts a variable exactly as given: prompts are not HTML, so nothing is escaped;
 *       {@code {{user.name}}} reads a field of a map;</li>
 *   <li>{@code {{#items}}...{{/items}}} repeats for each item of a list, or shows once if the value is true or a
 *       map; {@code {{^items}}...{{/items}}} shows only if the value is false, empty or missing;</li>
 *   <li>{@code {{> name@label}}} or {@code {{> name@3}}} includes the text prompt {@code name} at that label or
 *       version number ({@code {{> snippets/tone@production}}, {@code {{> snippets/tone@latest}}}); the partial
 *       sees the same variables. A partial chain that comes back to a version already in it is reported as a
 *       cycle, with the chain.</li>
 * </ul>
 * In {@link RenderMode#STRICT} every variable or section name that resolves to nothing fails the render, all
 * named in one error; pass {@code false} or an empty list to switch a section off.
 */
public final class PromptRenderer {

    /** One template of a version with the role it renders to and how errors name it. */
    private record Part(String role, String text, String where) {
    }

    private final PromptSource source;

    /** @param source how partials are found; the library passes its store */
    public PromptRenderer(PromptSource source) {
        this.source = source;
    }

    /**
     * Renders every template of the version; a text prompt becomes one {@code user} message. Variables are plain
     * Java values: maps, lists, strings, numbers, booleans (what Jackson reads JSON into).
     */
    public RenderedPrompt render(PromptVersion version, Map<String, ?> variables, RenderMode mode) {
        PromptMustacheFactory factory = new PromptMustacheFactory(source);
        List<Part> parts = parts(version.template());
        // Compile everything before running anything, so a broken template is reported before missing variables.
        List<Mustache> compiled = parts.stream()
                .map(part -> factory.compileTemplate(version, part.text(), part.where()))
                .toList();
        Map<String, ?> scope = variables == null ? Map.of() : variables;
        List<ChatMessage> messages = new ArrayList<>();
        for (int i = 0; i < parts.size(); i++) {
            messages.add(new ChatMessage(parts.get(i).role(), execute(compiled.get(i), scope, parts.get(i))));
        }
        if (mode == RenderMode.STRICT && !factory.missing().isEmpty()) {
            throw PromptException.missingVariables(factory.missing());
        }
        return new RenderedPrompt(version.promptName(), version.number(), messages, version.config());
    }

    /**
     * The variable and section names the version's templates use, including those of the partials they include,
     * in the order they first appear. Names used inside a section are listed too: they may come from the items.
     */
    public List<String> variables(PromptVersion version) {
        PromptMustacheFactory factory = new PromptMustacheFactory(source);
        SequencedSet<String> names = new LinkedHashSet<>();
        for (Part part : parts(version.template())) {
            collect(factory.compileTemplate(version, part.text(), part.where()).getCodes(), names);
        }
        return List.copyOf(names);
    }

    /**
     * Checks that a template about to be saved parses and that its partial tags are well formed, without looking
     * the partials up (their labels may move later). Throws INVALID with the line of the first problem.
     */
    public void check(PromptTemplate template) {
        PromptMustacheFactory factory = new PromptMustacheFactory(null);
        parts(template).forEach(part -> factory.compileTemplate(null, part.text(), part.where()));
    }

    private static List<Part> parts(PromptTemplate template) {
        return switch (template) {
            case PromptTemplate.Text text -> List.of(new Part("user", text.text(), "the prompt text"));
            case PromptTemplate.Chat chat -> {
                List<Part> parts = new ArrayList<>();
                for (int i = 0; i < chat.messages().size(); i++) {
                    ChatMessage message = chat.messages().get(i);
                    parts.add(new Part(message.role(), message.content(),
                            "message " + (i + 1) + " (" + message.role() + ")"));
                }
                yield parts;
            }
        };
    }

    private static String execute(Mustache mustache, Map<String, ?> variables, Part part) {
        StringWriter out = new StringWriter();
        try {
            mustache.execute(out, variables);
        } catch (MustacheException e) {
            throw PromptException.invalid("Cannot render " + part.where() + ": " + e.getMessage(), e);
        }
        return out.toString();
    }

    private static void collect(Code[] codes, SequencedSet<String> names) {
        if (codes == null) {
            return;
        }
        for (Code code : codes) {
            switch (code) {
                // A section's name is a variable too; NotIterableCode ({{^x}}) is an IterableCode.
                case IterableCode section -> {
                    names.add(section.getName());
                    collect(section.getCodes(), names);
                }
                case ValueCode value when !value.getName().equals(".") -> names.add(value.getName());
                case PartialCode partial -> collect(partial.getCodes(), names);
                default -> {
                    // Text and comments hold no variables.
                }
            }
        }
    }
}
