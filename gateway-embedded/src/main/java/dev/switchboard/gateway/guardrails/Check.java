package dev.switchboard.gateway.guardrails;

/** One built-in guardrail check, configured and compiled at parse time; evaluating it is pure and thread-safe. */
sealed interface Check permits RegexMatchCheck, ContainsCheck, CountCheck, JsonSchemaCheck, JsonKeysCheck,
        ValidUrlsCheck, ModelAllowListCheck, RequiredMetadataKeysCheck, PiiCheck {

    CheckOutcome evaluate(CheckContext context);

    /** Which request text the check reads in the input phase. */
    default TextScope scope() {
        return TextScope.LATEST_USER;
    }
}
