package dev.switchboard.gateway.prompts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.gateway.GatewayException;
import dev.switchboard.gateway.admin.AdminFields;
import dev.switchboard.gateway.Json;
import dev.switchboard.gateway.server.ProxyEndpoint;
import dev.switchboard.gateway.server.ProxyHandler;
import dev.switchboard.gateway.server.ProxyHandler.PreparedRequest;
import dev.switchboard.gateway.trace.TraceDraft;
import dev.switchboard.prompts.PromptLibrary;
import dev.switchboard.prompts.model.ChatMessage;
import dev.switchboard.prompts.model.ModelConfig;
import dev.switchboard.prompts.model.RenderedPrompt;
import dev.switchboard.prompts.model.VersionRef;
import dev.switchboard.prompts.render.RenderMode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Map;
import java.util.Set;

/**
 * Prompts for applications, Portkey-style: {@code POST /v1/prompts/{name}/render} returns the rendered messages
 * and settings; {@code POST /v1/prompts/{name}/completions} renders and calls the model through the normal proxy
 * path, so the call is traced with the prompt's name and version. Without a label or version the prompt's
 * {@code production} label is used, else {@code latest}.
 */
public final class PromptApiRoutes {
    private static final String PREFIX = "/v1/prompts/";
    private static final Set<String> CONTROL_FIELDS = Set.of("variables", "label", "version");

    private final PromptLibrary library;
    private final ProxyHandler proxy;

    public PromptApiRoutes(PromptLibrary library, ProxyHandler proxy) {
        this.library = library;
        this.proxy = proxy;
    }

    public void register(RoutesConfig routes) {
        routes.post(PREFIX + "*", this::dispatch);
    }

    private void dispatch(Context ctx) {
        PromptPath path = PromptPath.parse(ctx.path().substring(PREFIX.length()));
        if (path.is("render")) {
            ObjectNode body = AdminFields.body(ctx);
            RenderedPrompt rendered = render(path.name(), body);
            PromptAdminRoutes.json(ctx, 200, renderedJson(rendered));
        } else if (path.is("completions")) {
            proxy.handle(ctx, ProxyEndpoint.CHAT, (body, draft) -> prepare(ctx, path.name(), body, draft));
        } else {
            throw GatewayException.notFound("No route for POST " + ctx.path()
                    + "; use /v1/prompts/{name}/render or /v1/prompts/{name}/completions");
        }
    }

    private PreparedRequest prepare(Context ctx, String name, ObjectNode body, TraceDraft draft) {
        RenderedPrompt rendered = render(name, body);
        draft.prompt(rendered.promptName(), rendered.version());
        ObjectNode request = chatRequest(rendered, body);
        String savedProvider = rendered.config().provider();
        return new PreparedRequest(request, header -> {
            String value = ctx.header(header);
            boolean routeNamed = ctx.header("x-portkey-provider") != null || ctx.header("x-portkey-config") != null;
            return value == null && !routeNamed && "x-portkey-provider".equals(header) ? savedProvider : value;
        });
    }

    private RenderedPrompt render(String name, ObjectNode body) {
        Map<String, Object> variables = variables(body);
        VersionRef ref = versionRef(name, body);
        return PromptCalls.get(() -> library.render(name, ref, variables, RenderMode.STRICT));
    }

    /** The label or version the caller asked for; by default production, else latest. */
    private VersionRef versionRef(String name, ObjectNode body) {
        JsonNode version = body.get("version");
        JsonNode label = body.get("label");
        if (version != null && !version.isNull() && label != null && !label.isNull()) {
            throw GatewayException.badRequest("version", "Give either a label or a version, not both");
        }
        if (version != null && !version.isNull()) {
            return PromptAdminRoutes.ref(version.asText(), null);
        }
        if (label != null && !label.isNull()) {
            return PromptAdminRoutes.ref(label.asText(), null);
        }
        boolean hasProduction = PromptCalls.get(() -> library.getPrompt(name)).labels().containsKey("production");
        return hasProduction ? VersionRef.label("production") : VersionRef.LATEST;
    }

    private static Map<String, Object> variables(ObjectNode body) {
        JsonNode variables = body.get("variables");
        if (variables == null || variables.isNull()) {
            return Map.of();
        }
        if (!variables.isObject()) {
            throw GatewayException.badRequest("variables", "'variables' must be a JSON object");
        }
        return Json.MAPPER.convertValue(variables, Json.MAPPER.getTypeFactory()
                .constructMapType(Map.class, String.class, Object.class));
    }

    /** The OpenAI request: the version's model and parameters, then whatever the caller overrides. */
    private static ObjectNode chatRequest(RenderedPrompt rendered, ObjectNode body) {
        ModelConfig config = rendered.config();
        ObjectNode request = Json.object();
        if (config.model() != null) {
            request.put("model", config.model());
        }
        ArrayNode messages = request.putArray("messages");
        for (ChatMessage message : rendered.messages()) {
            messages.addObject().put("role", message.role()).put("content", message.content());
        }
        config.parameters().forEach((key, value) -> request.set(key, Json.MAPPER.valueToTree(value)));
        if (!config.tools().isEmpty()) {
            request.set("tools", Json.MAPPER.valueToTree(config.tools()));
        }
        if (config.responseFormat() != null) {
            request.set("response_format", Json.MAPPER.valueToTree(config.responseFormat()));
        }
        body.properties().forEach(field -> {
            if (!CONTROL_FIELDS.contains(field.getKey()) && !"messages".equals(field.getKey())) {
                request.set(field.getKey(), field.getValue());
            }
        });
        return request;
    }

    private static ObjectNode renderedJson(RenderedPrompt rendered) {
        ObjectNode json = Json.object();
        json.put("prompt", rendered.promptName());
        json.put("version", rendered.version());
        ModelConfig config = rendered.config();
        ObjectNode request = chatRequest(rendered, Json.object());
        json.setAll(request);
        if (config.provider() != null) {
            json.put("provider", config.provider());
        }
        return json;
    }
}
