package dev.switchboard.gateway.prompts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.gateway.GatewayException;
import dev.switchboard.gateway.admin.AdminFields;
import dev.switchboard.gateway.admin.AdminJson;
import dev.switchboard.prompts.PromptLibrary;
import dev.switchboard.prompts.io.PromptCodec;
import dev.switchboard.prompts.io.PromptFormat;
import dev.switchboard.prompts.model.NewPrompt;
import dev.switchboard.prompts.model.PromptDetails;
import dev.switchboard.prompts.model.PromptQuery;
import dev.switchboard.prompts.model.VersionRef;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The prompt library over the admin API, under {@code /admin/prompts}. Bodies and answers use the same
 * snake_case version form as exported prompt files, so what a team keeps in git is what the API speaks.
 */
public final class PromptAdminRoutes {
    private static final String PREFIX = "/admin/prompts/";
    private static final String DEFAULT_AUTHOR = "admin";

    private final PromptLibrary library;
    private final PromptCodec codec = new PromptCodec();

    public PromptAdminRoutes(PromptLibrary library) {
        this.library = library;
    }

    public void register(RoutesConfig routes) {
        routes.post("/admin/prompts", this::create);
        routes.get("/admin/prompts", this::list);
        routes.get("/admin/prompts:export", this::exportAll);
        routes.post("/admin/prompts:import", this::importPrompts);
        routes.get(PREFIX + "*", ctx -> dispatch(ctx, "GET"));
        routes.post(PREFIX + "*", ctx -> dispatch(ctx, "POST"));
        routes.put(PREFIX + "*", ctx -> dispatch(ctx, "PUT"));
        routes.delete(PREFIX + "*", ctx -> dispatch(ctx, "DELETE"));
    }

    private void dispatch(Context ctx, String method) {
        PromptPath path = PromptPath.parse(ctx.path().substring(PREFIX.length()));
        PromptCalls.run(() -> {
            switch (method + " " + (path.action() == null ? "" : path.action())) {
                case "GET " -> json(ctx, 200, promptJson(path.name()));
                case "PUT " -> updatePrompt(ctx, path);
                case "POST versions" -> json(ctx, 201, codec.toTree(library.addVersion(path.name(),
                        codec.readNewVersion(AdminFields.body(ctx), author(ctx)))));
                case "GET versions" -> getVersion(ctx, path);
                case "GET variables" -> json(ctx, 200, Map.of("variables",
                        library.variables(path.name(), ref(ctx.queryParam("version"), VersionRef.LATEST))));
                case "PUT labels" -> setLabel(ctx, path);
                case "DELETE labels" -> json(ctx, 200,
                        library.removeLabel(path.name(), requiredArgument(path, "label"), author(ctx)));
                case "POST labels" -> undoLabel(ctx, path);
                case "GET labels" -> json(ctx, 200, Map.of("history", library.labelHistory(path.name())));
                case "GET diff" -> json(ctx, 200, library.diff(path.name(),
                        ref(requiredQuery(ctx, "from"), null), ref(requiredQuery(ctx, "to"), null)));
                case "GET export" -> {
                    PromptFormat format = format(ctx);
                    file(ctx, library.export(path.name(), format), format, path.name());
                }
                default -> throw GatewayException.notFound("No route for " + method + " " + ctx.path());
            }
        });
    }

    private void create(Context ctx) {
        PromptCalls.run(() -> {
            ObjectNode body = AdminFields.body(ctx);
            String name = AdminFields.text(body, "name", true);
            NewPrompt prompt = new NewPrompt(name, AdminFields.optionalText(body, "description"),
                    AdminFields.strings(body, "tags"));
            ObjectNode version = body.deepCopy();
            version.remove(List.of("name", "description", "tags"));
            library.createPrompt(prompt, codec.readNewVersion(version, author(ctx)));
            json(ctx, 201, promptJson(name));
        });
    }

    private void list(Context ctx) {
        PromptCalls.run(() -> json(ctx, 200, Map.of("items", library.listPrompts(new PromptQuery(
                ctx.queryParam("q"), ctx.queryParam("tag"), ctx.queryParam("folder"))))));
    }

    private void updatePrompt(Context ctx, PromptPath path) {
        ObjectNode body = AdminFields.body(ctx);
        library.updatePrompt(path.name(), AdminFields.optionalText(body, "description"),
                AdminFields.strings(body, "tags"));
        json(ctx, 200, promptJson(path.name()));
    }

    /** The prompt in its file form plus {@code latest_version}, which files leave implicit. */
    private JsonNode promptJson(String name) {
        PromptDetails details = library.getPrompt(name);
        ObjectNode json = (ObjectNode) codec.toTree(details);
        json.put("latest_version", details.latestVersion());
        return json;
    }

    private void getVersion(Context ctx, PromptPath path) {
        if (path.argument() == null) {
            json(ctx, 200, Map.of("versions", codec.toTree(library.getPrompt(path.name())).path("versions")));
            return;
        }
        json(ctx, 200, codec.toTree(library.getVersion(path.name(), ref(path.argument(), null))));
    }

    private void setLabel(Context ctx, PromptPath path) {
        String label = requiredArgument(path, "label");
        JsonNode version = AdminFields.body(ctx).get("version");
        if (version == null || !version.canConvertToInt() || !version.isIntegralNumber()) {
            throw GatewayException.badRequest("version", "Send {\"version\": <number>} to point the label at");
        }
        var move = library.setLabel(path.name(), label, version.asInt(), author(ctx));
        json(ctx, 200, move.<Object>map(m -> m).orElse(Map.of("unchanged", true)));
    }

    private void undoLabel(Context ctx, PromptPath path) {
        if (!"undo".equals(path.subAction())) {
            throw GatewayException.notFound("Use POST /admin/prompts/{name}/labels/{label}/undo");
        }
        json(ctx, 200, library.undoLabelMove(path.name(), requiredArgument(path, "label"), author(ctx)));
    }

    private void exportAll(Context ctx) {
        PromptCalls.run(() -> {
            PromptFormat format = format(ctx);
            file(ctx, library.exportAll(format), format, "prompts");
        });
    }

    private void importPrompts(Context ctx) {
        PromptCalls.run(() -> {
            String contentType = ctx.contentType() == null ? "" : ctx.contentType().toLowerCase(Locale.ROOT);
            PromptFormat format = ctx.queryParam("format") != null ? format(ctx)
                    : contentType.contains("yaml") ? PromptFormat.YAML : PromptFormat.JSON;
            json(ctx, 200, Map.of("imported", library.importPrompts(ctx.bodyAsBytes(), format, author(ctx))));
        });
    }

    private static PromptFormat format(Context ctx) {
        String format = ctx.queryParam("format");
        if (format == null || format.equalsIgnoreCase("json")) {
            return PromptFormat.JSON;
        }
        if (format.equalsIgnoreCase("yaml") || format.equalsIgnoreCase("yml")) {
            return PromptFormat.YAML;
        }
        throw GatewayException.badRequest("format", "format must be json or yaml");
    }

    private static void file(Context ctx, byte[] content, PromptFormat format, String name) {
        String extension = format == PromptFormat.YAML ? "yaml" : "json";
        String fileName = name.replace('/', '_') + "." + extension;
        ctx.header("content-disposition", "attachment; filename=\"" + fileName + "\"");
        ctx.status(200).contentType(format == PromptFormat.YAML ? "application/yaml" : "application/json")
                .result(content);
    }

    /** Who is changing things: the {@code x-switchboard-user} header, else "admin". */
    private static String author(Context ctx) {
        String user = ctx.header("x-switchboard-user");
        return user == null || user.isBlank() ? DEFAULT_AUTHOR : user.trim();
    }

    static VersionRef ref(String text, VersionRef fallback) {
        if (text == null || text.isBlank()) {
            if (fallback == null) {
                throw GatewayException.badRequest("version", "Name a version number or a label");
            }
            return fallback;
        }
        return VersionRef.parse(text.trim());
    }

    private static String requiredArgument(PromptPath path, String what) {
        if (path.argument() == null) {
            throw GatewayException.badRequest(null, "The URL must name a " + what);
        }
        return path.argument();
    }

    private static String requiredQuery(Context ctx, String name) {
        String value = ctx.queryParam(name);
        if (value == null || value.isBlank()) {
            throw GatewayException.badRequest(name, "Missing query parameter '" + name + "'");
        }
        return value;
    }

    /** Prompt answers use snake_case throughout, like the prompt files and OpenAI's own fields. */
    static void json(Context ctx, int status, Object body) {
        ctx.status(status).contentType("application/json").result(AdminJson.snakeCase(body));
    }
}
