package dev.switchboard.prompts.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.switchboard.prompts.PromptException;
import dev.switchboard.prompts.model.NewVersion;
import dev.switchboard.prompts.model.PromptDetails;
import dev.switchboard.prompts.model.PromptVersion;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.yaml.snakeyaml.LoaderOptions;

/**
 * Writes prompts to JSON or YAML files and reads them back. Output is deterministic (fixed field order, sorted
 * map keys, "\n" line ends, trailing newline), so export, import into an empty store and export again gives the
 * same bytes, and files kept in git only change where the prompt did.
 */
public final class PromptCodec {
    private static final int MAX_YAML_CHARS = 64 * 1024 * 1024;

    private final ObjectMapper json = JsonMapper.builder()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .build();
    private final ObjectWriter jsonWriter = json.writer(new DefaultPrettyPrinter()
            .withObjectIndenter(new DefaultIndenter("  ", "\n"))
            .withArrayIndenter(new DefaultIndenter("  ", "\n")));
    private final ObjectMapper yaml = YAMLMapper.builder(yamlFactory())
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .build();

    /** One prompt with all its versions and labels: the file to keep in git as {@code <name>.<extension>}. */
    public byte[] write(PromptDetails prompt, PromptFormat format) {
        return serialize(PromptDocument.of(prompt), format);
    }

    /** Several prompts in one file, under {@code prompts}. */
    public byte[] writeAll(List<PromptDetails> prompts, PromptFormat format) {
        return serialize(new PromptBundle(prompts.stream().map(PromptDocument::of).toList()), format);
    }

    /** One prompt as a JSON tree in the file form, for APIs that answer with it. */
    public JsonNode toTree(PromptDetails prompt) {
        return json.valueToTree(PromptDocument.of(prompt));
    }

    /** One version as a JSON tree in the file form. */
    public JsonNode toTree(PromptVersion version) {
        return json.valueToTree(VersionDocument.of(version));
    }

    /**
     * Reads a new version from JSON: {@code messages} or {@code text}, then {@code model}, {@code provider},
     * {@code parameters}, {@code tools}, {@code response_format}, {@code commit_message}, {@code author}.
     * Unknown fields are refused, so a typo is not silently dropped.
     */
    public NewVersion readNewVersion(JsonNode node, String defaultAuthor) {
        try {
            return json.treeToValue(node, NewVersionDocument.class).toNewVersion(defaultAuthor);
        } catch (JsonProcessingException e) {
            throw unreadable(e, "the version");
        }
    }

    /** Reads a file written by {@link #write} or {@link #writeAll}, telling them apart by their top-level fields. */
    public List<PromptDetails> read(byte[] content, PromptFormat format) {
        ObjectMapper mapper = mapper(format);
        try {
            JsonNode root = mapper.readTree(content);
            if (root == null || !root.isObject()) {
                throw PromptException.invalid("The " + format + " file is not a prompt or a list of prompts");
            }
            if (root.has("prompts") && !root.has("versions")) {
                PromptBundle bundle = mapper.readValue(content, PromptBundle.class);
                return Fields.required(bundle.prompts(), "prompts").stream().map(PromptDocument::toDetails).toList();
            }
            return List.of(mapper.readValue(content, PromptDocument.class).toDetails());
        } catch (JsonProcessingException e) {
            throw unreadable(e, "the " + format + " file");
        } catch (IOException e) {
            throw PromptException.invalid("Cannot read the " + format + " file: " + e.getMessage(), e);
        }
    }

    private byte[] serialize(Object document, PromptFormat format) {
        try {
            String text = switch (format) {
                case JSON -> jsonWriter.writeValueAsString(document) + "\n";
                case YAML -> yaml.writeValueAsString(document);
            };
            return text.getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write prompts as " + format, e);
        }
    }

    private ObjectMapper mapper(PromptFormat format) {
        return switch (format) {
            case JSON -> json;
            case YAML -> yaml;
        };
    }

    private static PromptException unreadable(JsonProcessingException e, String what) {
        // Our records reject bad values (a wrong role, a bad name) in their constructors; Jackson wraps those.
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof PromptException invalid) {
                return invalid;
            }
        }
        String problem = e instanceof UnrecognizedPropertyException unknown
                ? "unknown field '" + unknown.getPropertyName() + "'"
                : e.getOriginalMessage();
        String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr();
        return PromptException.invalid("Cannot read " + what + where + ": " + problem, e);
    }

    private static YAMLFactory yamlFactory() {
        LoaderOptions loading = new LoaderOptions();
        // SnakeYAML stops at 3 MB by default; an "export all" of a big library is larger.
        loading.setCodePointLimit(MAX_YAML_CHARS);
        return YAMLFactory.builder()
                .loaderOptions(loading)
                .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                // Folding long lines is reversible in theory but unreadable in diffs; keep lines as they are.
                .disable(YAMLGenerator.Feature.SPLIT_LINES)
                .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
                // With minimal quoting, the string "0.7" would otherwise come back as a number.
                .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
                // Templates are multi-line text: write them as | blocks that read like the prompt itself.
                .enable(YAMLGenerator.Feature.LITERAL_BLOCK_STYLE)
                .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
                .build();
    }
}
