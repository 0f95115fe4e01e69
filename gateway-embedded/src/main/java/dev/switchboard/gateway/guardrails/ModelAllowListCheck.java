package dev.switchboard.gateway.guardrails;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.gateway.Json;
import java.util.List;

/**
 * {@code default.modelWhitelist} (alias {@code default.modelAllowList}): passes when the request's {@code model} is
 * exactly one of {@code models}; {@code not: true} turns it into a deny-list. A request without a model fails.
 */
record ModelAllowListCheck(List<String> models) implements Check {

    static ModelAllowListCheck parse(Params params) {
        return new ModelAllowListCheck(params.strings("models"));
    }

    @Override
    public CheckOutcome evaluate(CheckContext context) {
        String model = context.model();
        boolean allowed = model != null && models.contains(model);
        ObjectNode data = Json.object().put("requestedModel", model);
        models.forEach(data.putArray("allowedModels")::add);
        data.put("explanation", model == null ? "The request names no model."
                : "Model '" + model + "' is " + (allowed ? "" : "not ") + "in the list.");
        return CheckOutcome.of(allowed, data);
    }
}
