package dev.switchboard.prompts.render;

import com.github.mustachejava.DefaultMustacheVisitor;
import com.github.mustachejava.Mustache;
import com.github.mustachejava.MustacheException;
import com.github.mustachejava.TemplateContext;
import com.github.mustachejava.codes.IterableCode;
import com.github.mustachejava.codes.NotIterableCode;
import com.github.mustachejava.codes.ValueCode;
import dev.switchboard.prompts.PromptException;
import java.util.List;

/**
 * Builds the template's code tree like mustache.java does, but every lookup reports its result to the factory
 * (so strict mode can list all misses at once) and partial tags are checked where they stand, so a malformed one
 * is reported with its line.
 */
final class PromptMustacheVisitor extends DefaultMustacheVisitor {
    private final PromptMustacheFactory factory;

    PromptMustacheVisitor(PromptMustacheFactory factory) {
        super(factory);
        this.factory = factory;
    }

    @Override
    public void value(TemplateContext tc, String variable, boolean encoded) {
        list.add(new ValueCode(tc, df, variable, encoded) {
            @Override
            public Object get(List<Object> scopes) {
                return factory.lookedUp(name, super.get(scopes));
            }
        });
    }

    @Override
    public void iterable(TemplateContext tc, String variable, Mustache mustache) {
        list.add(new IterableCode(tc, df, mustache, variable) {
            @Override
            public Object get(List<Object> scopes) {
                return factory.lookedUp(name, super.get(scopes));
            }
        });
    }

    @Override
    public void notIterable(TemplateContext tc, String variable, Mustache mustache) {
        list.add(new NotIterableCode(tc, df, mustache, variable) {
            @Override
            public Object get(List<Object> scopes) {
                return factory.lookedUp(name, super.get(scopes));
            }
        });
    }

    @Override
    public void partial(TemplateContext tc, String variable, String indent) {
        try {
            PartialRef.parse(variable);
        } catch (PromptException e) {
            throw new MustacheException(e.getMessage(), tc);
        }
        super.partial(tc, variable, indent);
    }
}
