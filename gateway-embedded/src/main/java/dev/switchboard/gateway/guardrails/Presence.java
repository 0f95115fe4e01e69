package dev.switchboard.gateway.guardrails;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.gateway.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/** Which of a list of expected items (words, JSON keys, metadata keys) were found: the shared core of the any/all/none checks. */
record Presence(List<String> found, List<String> missing) {

    static Presence of(List<String> expected, Predicate<String> isPresent) {
        List<String> found = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (String item : expected) {
            (isPresent.test(item) ? found : missing).add(item);
        }
        return new Presence(List.copyOf(found), List.copyOf(missing));
    }

    CheckOutcome judge(MatchOperator operator, String foundKey, String missingKey, String itemsNoun) {
        boolean verdict = operator.test(found.size(), found.size() + missing.size());
        ObjectNode data = Json.object().put("operator", operator.wireName());
        found.forEach(data.putArray(foundKey)::add);
        missing.forEach(data.putArray(missingKey)::add);
        data.put("explanation", found.size() + " of " + (found.size() + missing.size()) + " " + itemsNoun
                + " found; operator '" + operator.wireName() + "' is " + (verdict ? "satisfied." : "not satisfied."));
        return CheckOutcome.of(verdict, data);
    }
}
