package dev.switchboard.app.routing;

import java.util.Map;

/**
 * Turns the admin API's field names in a refusal into the labels the page's forms show, so a user reads
 * "Daily budget (USD) must be a positive amount…" next to the field they typed into, not {@code 'budget_day_usd'}.
 * Config paths ({@code config.targets[1].provider}) stay as they are: they are what the JSON editor holds.
 */
final class FieldLabels {
    private static final Map<String, String> LABELS = Map.ofEntries(
            Map.entry("id", "ID"),
            Map.entry("name", "Name"),
            Map.entry("team", "Team"),
            Map.entry("provider", "Provider"),
            Map.entry("api_key", "API key"),
            Map.entry("custom_host", "Custom host"),
            Map.entry("allowed_models", "Allowed models"),
            Map.entry("requests_per_minute", "Requests per minute"),
            Map.entry("tokens_per_minute", "Tokens per minute"),
            Map.entry("budget_day_usd", "Daily budget (USD)"),
            Map.entry("budget_month_usd", "Monthly budget (USD)"));

    private FieldLabels() {
    }

    /** The exception's message with its field, quoted as {@code 'field'}, named by its form label. */
    static String readable(GovernanceException e) {
        String message = e.getMessage();
        String param = e.param();
        if (param == null || message == null) {
            return message;
        }
        String field = param.contains("[") ? param.substring(0, param.indexOf('[')) : param;
        String label = LABELS.get(field);
        return label == null ? message : message.replace("'" + param + "'", label);
    }
}
