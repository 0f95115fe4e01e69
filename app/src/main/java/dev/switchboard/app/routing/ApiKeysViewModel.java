package dev.switchboard.app.routing;

import dev.switchboard.app.common.Formats;
import dev.switchboard.app.routing.GovernanceClient.ApiKey;
import dev.switchboard.app.routing.GovernanceClient.CreatedApiKey;
import dev.switchboard.app.routing.GovernanceClient.KeyUsage;
import dev.switchboard.app.routing.GovernanceClient.ApiKeyDetails;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Gateway API keys: the keys callers present, with their limits and what they spent today. Creating one shows its
 * secret once ({@link #createdSecret()}) until the user dismisses it; the gateway keeps only a hash, so it can
 * never be shown again. The same form edits a key's name, team and limits, next to what it used against them.
 * Revoking is final. {@link #requireApiKeys()} mirrors the gateway's setting both ways.
 */
public final class ApiKeysViewModel {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("MMM d, yyyy", Locale.ROOT);

    private final GovernanceCalls calls;
    private final ZoneId zone;
    private final ObservableList<ApiKey> rows = FXCollections.observableArrayList();
    private final StringProperty message = new SimpleStringProperty();
    private final StringProperty error = new SimpleStringProperty();
    private final BooleanProperty loading = new SimpleBooleanProperty();
    private final IntegerProperty activeKeys = new SimpleIntegerProperty();

    private final StringProperty formName = new SimpleStringProperty("");
    private final StringProperty formTeam = new SimpleStringProperty("");
    private final StringProperty formModels = new SimpleStringProperty("");
    private final StringProperty formRequestsPerMinute = new SimpleStringProperty("");
    private final StringProperty formTokensPerMinute = new SimpleStringProperty("");
    private final StringProperty formBudgetDay = new SimpleStringProperty("");
    private final StringProperty formBudgetMonth = new SimpleStringProperty("");
    private final StringProperty formError = new SimpleStringProperty();
    private final ObjectProperty<ApiKey> editing = new SimpleObjectProperty<>();
    private final BooleanProperty saving = new SimpleBooleanProperty();

    private final StringProperty createdSecret = new SimpleStringProperty();
    private final StringProperty createdFor = new SimpleStringProperty();

    private final BooleanProperty requireApiKeys = new SimpleBooleanProperty();
    private final BooleanProperty requireKnown = new SimpleBooleanProperty();
    private final BooleanProperty requireSaving = new SimpleBooleanProperty();
    /** Set while the model itself writes {@link #requireApiKeys}, so that only user changes reach the gateway. */
    private boolean applyingGatewayValue;
    private long generation;

    ApiKeysViewModel(GovernanceCalls calls, ZoneId zone) {
        this.calls = calls;
        this.zone = zone;
        requireApiKeys.addListener((obs, old, now) -> {
            if (!applyingGatewayValue) {
                changeRequireApiKeys(now);
            }
        });
    }

    public void refresh() {
        long mine = ++generation;
        loading.set(true);
        calls.run(client -> new Loaded(client.apiKeys(), client.requireApiKeys()), loaded -> {
            if (mine == generation) {
                show(loaded.keys());
                applyGatewayValue(loaded.requireApiKeys());
                requireKnown.set(true);
                error.set(null);
            }
        }, problem -> {
            if (mine == generation) {
                error.set(problem);
            }
        }, () -> loading.set(false));
    }

    private record Loaded(List<ApiKey> keys, boolean requireApiKeys) {
    }

    /** The app switched gateways: forget everything about the old one, the unseen secret included. */
    void clear() {
        generation++;
        rows.clear();
        activeKeys.set(0);
        message.set(null);
        error.set(null);
        requireKnown.set(false);
        applyGatewayValue(false);
        dismissSecret();
        cancelForm();
    }

    /** Fills the form with a key's name, team and limits, to change them with {@link #save(Runnable)}. */
    public void startEdit(ApiKey key) {
        cancelForm();
        editing.set(key);
        formName.set(key.name());
        formTeam.set(key.team() == null ? "" : key.team());
        formModels.set(String.join(", ", key.allowedModels()));
        formRequestsPerMinute.set(key.requestsPerMinute() == null ? "" : key.requestsPerMinute().toString());
        formTokensPerMinute.set(key.tokensPerMinute() == null ? "" : key.tokensPerMinute().toString());
        formBudgetDay.set(key.budgetDayUsd() == null ? "" : key.budgetDayUsd().toPlainString());
        formBudgetMonth.set(key.budgetMonthUsd() == null ? "" : key.budgetMonthUsd().toPlainString());
    }

    /**
     * Creates a key from the form (its secret then is in {@link #createdSecret()}), or saves the one being edited;
     * {@code onSaved} runs on the FX thread once the gateway has it.
     */
    public void save(Runnable onSaved) {
        ApiKeyDetails details;
        try {
            details = new ApiKeyDetails(Forms.required(formName, "Give the key a name, e.g. support-bot"),
                    Forms.text(formTeam), models(Forms.text(formModels)),
                    Forms.positiveInt(formRequestsPerMinute, "Requests per minute"),
                    Forms.positiveInt(formTokensPerMinute, "Tokens per minute"),
                    Forms.money(formBudgetDay, "The daily budget"),
                    Forms.money(formBudgetMonth, "The monthly budget"));
        } catch (Forms.Invalid e) {
            formError.set(e.getMessage());
            return;
        }
        ApiKey edited = editing.get();
        saving.set(true);
        formError.set(null);
        if (edited == null) {
            calls.run(client -> client.createApiKey(details), (CreatedApiKey created) -> {
                cancelForm();
                createdFor.set(created.key().name());
                createdSecret.set(created.secret());
                rows.add(created.key());
                rows.sort(Comparator.comparing(ApiKey::createdAt, Comparator.nullsLast(Comparator.naturalOrder())));
                countActive();
                say("Created " + created.key().name() + " (" + created.key().prefix() + "…)");
                onSaved.run();
            }, this::refuseForm, () -> saving.set(false));
        } else {
            calls.run(client -> client.updateApiKey(edited.id(), details), updated -> {
                cancelForm();
                replace(updated);
                say("Saved " + updated.name() + ": " + limits(updated));
                onSaved.run();
            }, this::refuseForm, () -> saving.set(false));
        }
    }

    /** Empties the form and leaves editing. */
    public void cancelForm() {
        editing.set(null);
        for (StringProperty field : List.of(formName, formTeam, formModels, formRequestsPerMinute,
                formTokensPerMinute, formBudgetDay, formBudgetMonth)) {
            field.set("");
        }
        formError.set(null);
    }

    /** The gateway's refusal, with its field named as the form labels it. */
    private void refuseForm(String problem) {
        formError.set(problem);
    }

    /** The user copied the secret (or chose not to): it is gone from the app for good. */
    public void dismissSecret() {
        createdSecret.set(null);
        createdFor.set(null);
    }

    /** Callers using this key are refused from now on; it cannot be undone. */
    public void revoke(ApiKey key) {
        calls.run(client -> client.revokeApiKey(key.id()), revoked -> {
            replace(revoked);
            countActive();
            say("Revoked " + revoked.name() + ": callers using it are refused from now on");
        }, this::fail);
    }

    private void replace(ApiKey key) {
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).id().equals(key.id())) {
                rows.set(i, key);
            }
        }
    }

    private void changeRequireApiKeys(boolean wanted) {
        requireSaving.set(true);
        calls.run(client -> client.setRequireApiKeys(wanted), now -> {
            applyGatewayValue(now);
            say(now ? "Callers must now present a gateway API key; requests without one are refused (401)"
                    : "Callers may now call the gateway without an API key");
        }, problem -> {
            applyGatewayValue(!wanted);
            fail("Cannot change the setting: " + problem);
        }, () -> requireSaving.set(false));
    }

    private void applyGatewayValue(boolean value) {
        applyingGatewayValue = true;
        try {
            requireApiKeys.set(value);
        } finally {
            applyingGatewayValue = false;
        }
    }

    private void show(List<ApiKey> keys) {
        rows.setAll(keys);
        countActive();
    }

    private void countActive() {
        activeKeys.set((int) rows.stream().filter(ApiKey::active).count());
    }

    private static List<String> models(String text) {
        if (text == null) {
            return List.of();
        }
        List<String> models = new ArrayList<>();
        Arrays.stream(text.split("[,\\s]+")).map(String::trim).filter(m -> !m.isEmpty()).forEach(models::add);
        return models;
    }

    private void say(String text) {
        error.set(null);
        message.set(text);
    }

    private void fail(String problem) {
        message.set(null);
        error.set(problem);
    }

    // How a key reads in the table.

    /** e.g. {@code 60 req/min · 10,000 tok/min · $100/month}, or {@code No limits}. */
    public static String limits(ApiKey key) {
        List<String> parts = new ArrayList<>();
        if (key.requestsPerMinute() != null) {
            parts.add(Formats.count(key.requestsPerMinute()) + " req/min");
        }
        if (key.tokensPerMinute() != null) {
            parts.add(Formats.count(key.tokensPerMinute()) + " tok/min");
        }
        if (key.budgetMonthUsd() != null) {
            parts.add(Formats.usd(key.budgetMonthUsd()) + "/month");
        }
        return parts.isEmpty() ? "No limits" : String.join(" · ", parts);
    }

    /** One limit of a key next to what the key used of it; {@code share} is 0..1, or -1 without a limit. */
    public record Gauge(String what, String used, double share) {
    }

    /** What the key used this minute, today and this month, each against its limit. */
    public static List<Gauge> gauges(ApiKey key) {
        KeyUsage usage = key.usage();
        return List.of(
                gauge("Requests this minute", BigDecimal.valueOf(usage.minute().requests()),
                        decimal(key.requestsPerMinute()), Formats::count, "no limit"),
                gauge("Tokens this minute", BigDecimal.valueOf(usage.minute().tokens()),
                        decimal(key.tokensPerMinute()), Formats::count, "no limit"),
                today(key),
                gauge("Spent this month", usage.month().costUsd(), key.budgetMonthUsd(), Formats::usd,
                        "no monthly budget"));
    }

    /** Today's spend against the daily budget, e.g. {@code $0.42 of $5}, or {@code $0.42 (no daily budget)}. */
    public static Gauge today(ApiKey key) {
        return gauge("Spent today", key.usage().day().costUsd(), key.budgetDayUsd(), Formats::usd,
                "no daily budget");
    }

    private static Gauge gauge(String what, BigDecimal used, BigDecimal limit, Function<BigDecimal, String> format,
                               String withoutLimit) {
        if (limit == null || limit.signum() <= 0) {
            return new Gauge(what, format.apply(used) + " (" + withoutLimit + ")", -1);
        }
        double share = used.divide(limit, 4, RoundingMode.HALF_UP).doubleValue();
        return new Gauge(what, format.apply(used) + " of " + format.apply(limit), Math.min(1, share));
    }

    private static BigDecimal decimal(Integer limit) {
        return limit == null ? null : BigDecimal.valueOf(limit);
    }

    public static String models(ApiKey key) {
        return key.allowedModels().isEmpty() ? "Any model" : String.join(", ", key.allowedModels());
    }

    /** The start of the secret the gateway keeps to tell keys apart, e.g. {@code sbk-3f9a…}. */
    public static String prefix(ApiKey key) {
        return key.prefix() == null || key.prefix().isEmpty() ? Formats.NONE : key.prefix() + "…";
    }

    public String status(ApiKey key) {
        return key.active() ? "Active" : "Revoked " + day(key.revokedAt());
    }

    private String day(Instant instant) {
        return instant == null ? "" : DAY.format(instant.atZone(zone));
    }

    public ObservableList<ApiKey> rows() {
        return rows;
    }

    public ReadOnlyStringProperty message() {
        return message;
    }

    public ReadOnlyStringProperty error() {
        return error;
    }

    public ReadOnlyBooleanProperty loading() {
        return loading;
    }

    public ReadOnlyIntegerProperty activeKeys() {
        return activeKeys;
    }

    public StringProperty formName() {
        return formName;
    }

    public StringProperty formTeam() {
        return formTeam;
    }

    /** Allowed models, separated by commas or spaces; empty allows any. */
    public StringProperty formModels() {
        return formModels;
    }

    public StringProperty formRequestsPerMinute() {
        return formRequestsPerMinute;
    }

    public StringProperty formTokensPerMinute() {
        return formTokensPerMinute;
    }

    public StringProperty formBudgetDay() {
        return formBudgetDay;
    }

    public StringProperty formBudgetMonth() {
        return formBudgetMonth;
    }

    public ReadOnlyStringProperty formError() {
        return formError;
    }

    /** The key the form edits, or null while it creates one. */
    public ReadOnlyObjectProperty<ApiKey> editing() {
        return editing;
    }

    public ReadOnlyBooleanProperty saving() {
        return saving;
    }

    /** The new key's secret, from creation until {@link #dismissSecret()}; null otherwise. Never stored. */
    public ReadOnlyStringProperty createdSecret() {
        return createdSecret;
    }

    public ReadOnlyStringProperty createdFor() {
        return createdFor;
    }

    /** The gateway's "require API keys" setting; setting it (as the toggle does) changes it on the gateway. */
    public BooleanProperty requireApiKeys() {
        return requireApiKeys;
    }

    /** False until the setting was read from the gateway: the toggle stays disabled meanwhile. */
    public ReadOnlyBooleanProperty requireKnown() {
        return requireKnown;
    }

    public ReadOnlyBooleanProperty requireSaving() {
        return requireSaving;
    }
}
