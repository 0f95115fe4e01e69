package dev.switchboard.app.prompts;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.app.connection.AdminHttp;
import dev.switchboard.gateway.Json;
import dev.switchboard.prompts.PromptException;
import dev.switchboard.prompts.diff.PromptDiff;
import dev.switchboard.prompts.io.PromptCodec;
import dev.switchboard.prompts.io.PromptFormat;
import dev.switchboard.prompts.model.ImportResult;
import dev.switchboard.prompts.model.LabelMove;
import dev.switchboard.prompts.model.NewPrompt;
import dev.switchboard.prompts.model.NewVersion;
import dev.switchboard.prompts.model.PromptDetails;
import dev.switchboard.prompts.model.PromptQuery;
import dev.switchboard.prompts.model.PromptSummary;
import dev.switchboard.prompts.model.PromptVersion;
import dev.switchboard.prompts.model.RenderedPrompt;
import dev.switchboard.prompts.model.VersionRef;
import dev.switchboard.prompts.render.PromptRenderer;
import dev.switchboard.prompts.render.RenderMode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;

/**
 * {@link PromptsClient} over a gateway's admin API ({@code /admin/prompts}), for the embedded gateway on loopback
 * and a remote one alike. Prompts and versions travel in the prompt files' own form, read and written with the
 * library's {@link PromptCodec}, so the app can never disagree with the gateway about the format.
 */
public final class AdminApiPromptsClient implements PromptsClient {
    private static final ObjectMapper SNAKE_CASE = Json.MAPPER.copy()
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);
    private static final MediaType YAML = MediaType.get("application/yaml");

    private final AdminHttp admin;
    private final PromptCodec codec = new PromptCodec();

    /** Label moves are recorded as made by the OS user running the app. */
    public AdminApiPromptsClient(String baseUrl, String adminToken, OkHttpClient http) {
        this(baseUrl, adminToken, http, System.getProperty("user.name"));
    }

    /**
     * @param baseUrl the gateway's root, e.g. {@code http://127.0.0.1:8787}
     * @param http    one shared client; this class only builds requests on it
     * @param user    who the gateway records as moving labels (versions carry their own author)
     */
    public AdminApiPromptsClient(String baseUrl, String adminToken, OkHttpClient http, String user) {
        this.admin = new AdminHttp(baseUrl, adminToken, http, "the prompt library", PromptsException::new, user);
    }

    @Override
    public String baseUrl() {
        return admin.baseUrl();
    }

    @Override
    public List<PromptSummary> listPrompts(PromptQuery query) {
        HttpUrl.Builder url = admin.url().addPathSegments("admin/prompts");
        addQuery(url, "q", query.nameContains());
        addQuery(url, "tag", query.tag());
        addQuery(url, "folder", query.folder());
        return list(admin.json("GET", url.build(), null).path("items"), PromptSummary.class);
    }

    @Override
    public PromptDetails getPrompt(String name) {
        ObjectNode prompt = (ObjectNode) admin.json("GET", prompt(name).build(), null);
        // The API adds latest_version to the file form; the file reader refuses unknown fields.
        prompt.remove("latest_version");
        return codec.read(Json.writeBytes(prompt), PromptFormat.JSON).getFirst();
    }

    @Override
    public List<PromptVersion> listVersions(String name) {
        return getPrompt(name).versions();
    }

    @Override
    public PromptVersion getVersion(String name, VersionRef ref) {
        JsonNode version = admin.json("GET", prompt(name).addPathSegment("versions")
                .addPathSegment(ref.toString()).build(), null);
        return readVersion(name, version);
    }

    @Override
    public PromptDetails createPrompt(NewPrompt prompt, NewVersion firstVersion) {
        ObjectNode body = versionBody(prompt.name(), firstVersion);
        body.put("name", prompt.name()).put("description", prompt.description());
        prompt.tags().forEach(body.putArray("tags")::add);
        admin.json("POST", admin.url().addPathSegments("admin/prompts").build(), body);
        return getPrompt(prompt.name());
    }

    @Override
    public PromptVersion saveVersion(String name, NewVersion version) {
        JsonNode saved = admin.json("POST", prompt(name).addPathSegment("versions").build(),
                versionBody(name, version));
        return readVersion(name, saved);
    }

    @Override
    public Optional<LabelMove> moveLabel(String name, String label, int version) {
        JsonNode answer = admin.json("PUT", prompt(name).addPathSegment("labels").addPathSegment(label).build(),
                Json.object().put("version", version));
        return answer.path("unchanged").asBoolean() ? Optional.empty()
                : Optional.of(read(answer, LabelMove.class));
    }

    @Override
    public List<LabelMove> labelHistory(String name) {
        return list(admin.json("GET", prompt(name).addPathSegment("labels").build(), null).path("history"),
                LabelMove.class);
    }

    @Override
    public PromptDiff diff(String name, VersionRef from, VersionRef to) {
        return read(admin.json("GET", prompt(name).addPathSegment("diff")
                .addQueryParameter("from", from.toString()).addQueryParameter("to", to.toString()).build(), null),
                PromptDiff.class);
    }

    @Override
    public RenderedPrompt render(String name, VersionRef ref, Map<String, ?> variables) {
        PromptVersion version = getVersion(name, ref);
        try {
            return new PromptRenderer(Partials.from(this)).render(version, variables, RenderMode.STRICT);
        } catch (PromptException e) {
            throw Partials.toClientError(e);
        }
    }

    @Override
    public byte[] exportPrompt(String name, PromptFormat format) {
        return admin.bytes("GET", prompt(name).addPathSegment("export").addQueryParameter("format", format(format))
                .build(), null, null);
    }

    @Override
    public byte[] exportAll(PromptFormat format) {
        return admin.bytes("GET", admin.url().addPathSegment("admin").addPathSegment("prompts:export")
                .addQueryParameter("format", format(format)).build(), null, null);
    }

    @Override
    public List<ImportResult> importPrompts(byte[] content, PromptFormat format) {
        HttpUrl url = admin.url().addPathSegment("admin").addPathSegment("prompts:import")
                .addQueryParameter("format", format(format)).build();
        JsonNode answer = Json.read(new String(admin.bytes("POST", url, content,
                format == PromptFormat.YAML ? YAML : AdminHttp.JSON), StandardCharsets.UTF_8));
        return list(answer.path("imported"), ImportResult.class);
    }

    private HttpUrl.Builder prompt(String name) {
        // A name's '/' separates folders, and the gateway reads it as such in the path.
        return admin.url().addPathSegments("admin/prompts").addPathSegments(name);
    }

    /** A new version in the file form the gateway reads, without the number and time the gateway assigns. */
    private ObjectNode versionBody(String name, NewVersion version) {
        ObjectNode body = (ObjectNode) codec.toTree(PromptVersion.of(name, 1, version, Instant.EPOCH));
        body.remove(List.of("version", "created_at"));
        return body;
    }

    /**
     * A version in file form, read by the library's own file reader: the API leaves out the prompt around it, so
     * it is wrapped in a one-version prompt document first.
     */
    private PromptVersion readVersion(String name, JsonNode version) {
        ObjectNode document = Json.object().put("name", name).put("created_at", version.path("created_at").asText());
        document.putArray("versions").add(version);
        return codec.read(Json.writeBytes(document), PromptFormat.JSON).getFirst().versions().getFirst();
    }

    private static String format(PromptFormat format) {
        return format == PromptFormat.YAML ? "yaml" : "json";
    }

    private static void addQuery(HttpUrl.Builder url, String name, String value) {
        if (value != null) {
            url.addQueryParameter(name, value);
        }
    }

    private static <T> T read(JsonNode node, Class<T> type) {
        try {
            return SNAKE_CASE.treeToValue(node, type);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new PromptsException(0, "The gateway sent a " + type.getSimpleName() + " this app cannot read", e);
        }
    }

    private static <T> List<T> list(JsonNode array, Class<T> type) {
        List<T> items = new ArrayList<>();
        array.forEach(node -> items.add(read(node, type)));
        return List.copyOf(items);
    }
}
