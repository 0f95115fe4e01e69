package dev.switchboard.gateway.guardrails;

import java.util.EnumSet;
import java.util.List;

/**
 * {@code default.requiredMetadataKeys}: passes when the request's metadata ({@code x-portkey-metadata}) has
 * {@code all} (default), {@code any} or {@code none} of {@code metadataKeys}. Only key presence counts, not values.
 */
record RequiredMetadataKeysCheck(List<String> metadataKeys, MatchOperator operator) implements Check {

    static RequiredMetadataKeysCheck parse(Params params) {
        return new RequiredMetadataKeysCheck(params.strings("metadataKeys"),
                params.operator("operator", MatchOperator.ALL, EnumSet.allOf(MatchOperator.class)));
    }

    @Override
    public CheckOutcome evaluate(CheckContext context) {
        return Presence.of(metadataKeys, context.metadata()::containsKey)
                .judge(operator, "found_metadata_keys", "missing_metadata_keys", "metadata keys");
    }
}
