package dev.switchboard.prompts.render;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;
import com.github.mustachejava.MustacheException;
import com.github.mustachejava.MustacheVisitor;
import com.github.mustachejava.TemplateContext;
import dev.switchboard.prompts.PromptException;
import dev.switchboard.prompts.model.PromptTemplate;
import dev.switchboard.prompts.model.PromptVersion;
import java.io.IOException;
import java.io.StringReader;
import java.io.Writer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.SequencedSet;
import java.util.stream.Collectors;

/**
 * mustache.java set up for prompts: no HTML escaping, partials resolved as {@code name@label} through a
 * {@link PromptSource} with cycle detection, and lookups that find nothing remembered for strict mode. It holds
 * one render's state, so each render makes its own (compiling is cheap next to a model call).
 */
final class PromptMustacheFactory extends DefaultMustacheFactory {

    /** One step of the include chain; equal name and version means a cycle, whatever label led there. */
    private record Include(String name, int version, String shown) {
    }

    private final PromptSource source;
    private final List<Include> includeChain = new ArrayList<>();
    private final SequencedSet<String> missing = new LinkedHashSet<>();

    /** {@code source} {@code null} checks templates on their own: partial tags are validated but not followed. */
    PromptMustacheFactory(PromptSource source) {
        this.source = source;
    }

    /**
     * Compiles one template together with every partial it includes.
     *
     * @param owner the version the template belongs to (the start of the include chain), {@code null} if unsaved
     * @param where how to name the template in errors, e.g. {@code message 2 (user)}
     */
    Mustache compileTemplate(PromptVersion owner, String template, String where) {
        if (owner != null) {
            includeChain.add(new Include(owner.promptName(), owner.number(),
                    owner.promptName() + " (v" + owner.number() + ")"));
        }
        try {
            return compile(new StringReader(template), where);
        } catch (MustacheException e) {
            throw invalidTemplate(e);
        } finally {
            if (owner != null) {
                includeChain.removeLast();
            }
        }
    }

    /** Names looked up while executing that resolved to nothing, in the order first met. */
    List<String> missing() {
        return List.copyOf(missing);
    }

    Object lookedUp(String name, Object value) {
        if (value == null) {
            missing.add(name);
        }
        return value;
    }

    @Override
    public MustacheVisitor createMustacheVisitor() {
        return new PromptMustacheVisitor(this);
    }

    /** Prompts are not HTML: {@code {{x}}} inserts the value exactly as given. */
    @Override
    public void encode(String value, Writer writer) {
        try {
            writer.write(value);
        } catch (IOException e) {
            throw new MustacheException("Failed to write a value", e);
        }
    }

    /** A partial's name is a prompt reference, not a file path: no folder or extension is added. */
    @Override
    public String resolvePartialPath(String dir, String name, String extension) {
        return name;
    }

    @Override
    public Mustache compilePartial(String tag) {
        PartialRef ref = PartialRef.parse(tag);
        if (source == null) {
            return compile(new StringReader(""), tag);
        }
        PromptVersion included = find(ref);
        Include include = new Include(included.promptName(), included.number(),
                ref + " (v" + included.number() + ")");
        if (includeChain.stream().anyMatch(step -> step.name().equals(include.name())
                && step.version() == include.version())) {
            throw PromptException.invalid("Partials include each other in a cycle: "
                    + includeChain.stream().map(Include::shown).collect(Collectors.joining(" -> "))
                    + " -> " + include.shown());
        }
        if (!(included.template() instanceof PromptTemplate.Text text)) {
            throw PromptException.invalid("Partial {{> " + ref + "}} is a chat prompt; only text prompts can be"
                    + " included");
        }
        includeChain.add(include);
        try {
            return compile(new StringReader(text.text()), "partial " + include.shown());
        } finally {
            includeChain.removeLast();
        }
    }

    private PromptVersion find(PartialRef ref) {
        try {
            return source.find(ref.name(), ref.ref());
        } catch (PromptException e) {
            if (e.kind() == PromptException.Kind.NOT_FOUND) {
                throw PromptException.notFound("Partial {{> " + ref + "}} cannot be included: " + e.getMessage());
            }
            throw e;
        }
    }

    /** mustache.java's messages end in " in file:line" and " @[file:line]"; the user gets place and problem apart. */
    private static PromptException invalidTemplate(MustacheException e) {
        TemplateContext context = e.getContext();
        String problem = e.getMessage();
        if (context == null) {
            return PromptException.invalid("Invalid template: " + problem, e);
        }
        for (String marker : List.of(" @[", " in " + context.file() + ":")) {
            int cut = problem.indexOf(marker);
            if (cut >= 0) {
                problem = problem.substring(0, cut);
            }
        }
        return PromptException.invalidTemplate(context.file(), context.line(), problem, e);
    }
}
