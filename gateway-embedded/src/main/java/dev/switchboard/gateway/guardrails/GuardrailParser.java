package dev.switchboard.gateway.guardrails;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.gateway.GatewayException;
import dev.switchboard.gateway.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads guardrails from a Portkey-compatible config object (the top level or any target). Accepts the full form
 * ({@code before_request_hooks} / {@code after_request_hooks}: {@code [{type, id, deny, async, checks:[{id, parameters}]}]})
 * and the shorthand ({@code input_guardrails} / {@code output_guardrails}: {@code [{"default.contains": {...}, deny}]});
 * both may appear, full form first. Everything is validated and compiled here, once, so a bad config is a 400
 * naming the JSON path, never a failure on the request path. Thread-safe; build one and reuse it.
 */
public final class GuardrailParser {
    /** Keys of a shorthand guardrail that are settings, not check ids. {@code on_fail}/{@code on_success} (Portkey feedback) are accepted and ignored. */
    private static final Set<String> SHORTHAND_SETTINGS = Set.of("id", "type", "name", "deny", "async",
            "on_fail", "on_success", "onFail", "onSuccess");

    private final CheckCatalog catalog = new CheckCatalog(new JsonSchemaCompiler());

    /** Parses a top-level config; error paths start with {@code config}. */
    public GuardrailSet parse(JsonNode config) {
        return parse(config, "config");
    }

    /** Parses a config object found at {@code path}, e.g. {@code config.targets[1]}. */
    public GuardrailSet parse(JsonNode config, String path) {
        if (config == null || config.isNull() || config.isMissingNode()) {
            return GuardrailSet.EMPTY;
        }
        if (!config.isObject()) {
            throw GatewayException.badRequest(path, "the config must be a JSON object");
        }
        List<Guardrail> input = new ArrayList<>(list(config, path, "before_request_hooks", true));
        input.addAll(list(config, path, "input_guardrails", false));
        List<Guardrail> output = new ArrayList<>(list(config, path, "after_request_hooks", true));
        output.addAll(list(config, path, "output_guardrails", false));
        return new GuardrailSet(input, output);
    }

    /** Ids of every built-in check, for documentation and error messages. */
    public List<String> knownCheckIds() {
        return catalog.ids();
    }

    private List<Guardrail> list(JsonNode config, String configPath, String key, boolean fullForm) {
        JsonNode list = config.get(key);
        String path = configPath + "." + key;
        if (list == null || list.isNull()) {
            return List.of();
        }
        if (!list.isArray()) {
            throw GatewayException.badRequest(path, "'" + key + "' must be an array of guardrails");
        }
        List<Guardrail> guardrails = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            JsonNode element = list.get(i);
            String elementPath = path + "[" + i + "]";
            String defaultId = key + "[" + i + "]";
            if (element.isTextual()) {
                throw GatewayException.badRequest(elementPath, "saved guardrails are not supported; define checks "
                        + "inline, e.g. {\"default.contains\": {\"operator\": \"none\", \"words\": [\"...\"]}, \"deny\": true}"
                        + " (got the id '" + element.asText() + "')");
            }
            if (!(element instanceof ObjectNode guardrail)) {
                throw GatewayException.badRequest(elementPath, "a guardrail must be a JSON object");
            }
            // A full-form object is accepted in the shorthand lists too: it is unambiguous and saves users a surprise.
            guardrails.add(fullForm || guardrail.has("checks")
                    ? full(guardrail, elementPath, defaultId)
                    : shorthand(guardrail, elementPath, defaultId));
        }
        return guardrails;
    }

    private Guardrail full(ObjectNode guardrail, String path, String defaultId) {
        JsonNode type = guardrail.get("type");
        if (type != null && !"guardrail".equals(type.asText())) {
            throw GatewayException.badRequest(path + ".type", "only hooks of type 'guardrail' are supported");
        }
        JsonNode checks = guardrail.get("checks");
        if (checks == null || !checks.isArray() || checks.isEmpty()) {
            throw GatewayException.badRequest(path + ".checks",
                    "a guardrail needs 'checks': a non-empty array of {\"id\", \"parameters\"}");
        }
        List<GuardrailCheck> parsed = new ArrayList<>();
        for (int j = 0; j < checks.size(); j++) {
            String checkPath = path + ".checks[" + j + "]";
            if (!(checks.get(j) instanceof ObjectNode check)) {
                throw GatewayException.badRequest(checkPath, "a check must be an object with 'id' and 'parameters'");
            }
            if (!flag(check, "is_enabled", checkPath, true)) {
                continue;
            }
            JsonNode id = check.get("id");
            if (id == null || !id.isTextual()) {
                throw GatewayException.badRequest(checkPath + ".id", "a check needs a string 'id'; known checks: "
                        + String.join(", ", catalog.ids()));
            }
            parsed.add(check(id.asText(), check.get("parameters"), checkPath + ".id", checkPath + ".parameters"));
        }
        return guardrail(guardrail, path, defaultId, parsed);
    }

    private Guardrail shorthand(ObjectNode guardrail, String path, String defaultId) {
        List<GuardrailCheck> parsed = new ArrayList<>();
        for (Map.Entry<String, JsonNode> property : guardrail.properties()) {
            if (!SHORTHAND_SETTINGS.contains(property.getKey())) {
                String checkPath = path + "['" + property.getKey() + "']";
                parsed.add(check(property.getKey(), property.getValue(), checkPath, checkPath));
            }
        }
        if (parsed.isEmpty()) {
            throw GatewayException.badRequest(path, "the guardrail has no checks; add check ids as keys, e.g. "
                    + "{\"default.wordCount\": {\"maxWords\": 500}}; known checks: " + String.join(", ", catalog.ids()));
        }
        return guardrail(guardrail, path, defaultId, parsed);
    }

    private Guardrail guardrail(ObjectNode guardrail, String path, String defaultId, List<GuardrailCheck> checks) {
        JsonNode id = guardrail.get("id");
        if (id != null && !id.isTextual()) {
            throw GatewayException.badRequest(path + ".id", "'id' must be a string");
        }
        return new Guardrail(id == null ? defaultId : id.asText(), flag(guardrail, "deny", path, false),
                flag(guardrail, "async", path, false), checks);
    }

    private GuardrailCheck check(String id, JsonNode parameters, String idPath, String parametersPath) {
        CheckCatalog.Entry entry = catalog.find(id);
        if (entry == null) {
            throw GatewayException.badRequest(idPath, "unknown check '" + id + "'; known checks: "
                    + String.join(", ", catalog.ids()));
        }
        ObjectNode object;
        if (parameters == null || parameters.isNull()) {
            object = Json.object();
        } else if (parameters instanceof ObjectNode given) {
            object = given;
        } else {
            throw GatewayException.badRequest(parametersPath, "the parameters of " + id + " must be a JSON object");
        }
        Params params = new Params(object, parametersPath, id);
        params.allowOnly(entry.acceptedParameters());
        boolean not = entry.negatable() && params.bool("not", false);
        return new GuardrailCheck(id, entry.factory().apply(params), not);
    }

    private static boolean flag(ObjectNode object, String name, String path, boolean fallback) {
        JsonNode value = object.get(name);
        if (value == null || value.isNull()) {
            return fallback;
        }
        if (!value.isBoolean()) {
            throw GatewayException.badRequest(path + "." + name, "'" + name + "' must be true or false");
        }
        return value.booleanValue();
    }
}
