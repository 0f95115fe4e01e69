package dev.switchboard.gateway.guardrails;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/** The built-in checks by id, with the parameters each accepts: the one place a new check is registered. */
final class CheckCatalog {

    /** A check id, its accepted parameters, whether the common {@code not} flag applies, and how to build it. */
    record Entry(String id, List<String> parameters, boolean negatable, Function<Params, Check> factory) {

        List<String> acceptedParameters() {
            List<String> accepted = new ArrayList<>(parameters);
            if (negatable) {
                accepted.add("not");
            }
            return accepted;
        }
    }

    private final Map<String, Entry> entries = new TreeMap<>();

    CheckCatalog(JsonSchemaCompiler schemas) {
        add("default.regexMatch", List.of("rule"), true, RegexMatchCheck::parse);
        add("default.contains", List.of("words", "operator", "ignoreCase"), true, ContainsCheck::parse);
        for (CountCheck.Unit unit : CountCheck.Unit.values()) {
            add("default." + unitCheckName(unit), unit.parameters(), true, params -> CountCheck.parse(params, unit));
        }
        add("default.jsonSchema", List.of("schema"), true, params -> new JsonSchemaCheck(schemas.compile(params)));
        add("default.jsonKeys", List.of("keys", "operator"), true, JsonKeysCheck::parse);
        add("default.validUrls", List.of("onlyDNS"), true, ValidUrlsCheck::parse);
        add("default.modelWhitelist", List.of("models"), true, ModelAllowListCheck::parse);
        add("default.modelAllowList", List.of("models"), true, ModelAllowListCheck::parse);
        add("default.requiredMetadataKeys", List.of("metadataKeys", "operator"), true, RequiredMetadataKeysCheck::parse);
        // Inverting a redacting check would redact when it "passes": not offered.
        add("default.pii", List.of("categories", "redact"), false, PiiCheck::parse);
    }

    Entry find(String id) {
        return entries.get(id);
    }

    List<String> ids() {
        return List.copyOf(entries.keySet());
    }

    private void add(String id, List<String> parameters, boolean negatable, Function<Params, Check> factory) {
        entries.put(id, new Entry(id, parameters, negatable, factory));
    }

    private static String unitCheckName(CountCheck.Unit unit) {
        return switch (unit) {
            case WORDS -> "wordCount";
            case SENTENCES -> "sentenceCount";
            case CHARACTERS -> "characterCount";
        };
    }
}
