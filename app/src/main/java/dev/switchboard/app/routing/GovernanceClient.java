package dev.switchboard.app.routing;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * What the Routing &amp; keys page reads and changes on a gateway: saved configs, virtual keys, gateway API keys,
 * the require-API-keys setting and circuit states. One implementation over the admin HTTP API serves both the
 * embedded gateway (on loopback) and a remote one. Every method blocks (call it off the FX thread) and fails with
 * a {@link GovernanceException} whose message a user can read. Secrets go in, and only the one-time API key secret
 * ever comes back out.
 */
public interface GovernanceClient {

    /** Where the admin API lives, for messages. */
    String baseUrl();

    List<VirtualKey> virtualKeys();

    VirtualKey createVirtualKey(NewVirtualKey key);

    /** Replaces the stored provider key; the gateway keeps only its last characters visible. */
    VirtualKey rotateVirtualKey(String id, String apiKey);

    /** Renames a key and sets its custom host (null removes it); the stored provider key stays as it is. */
    VirtualKey updateVirtualKey(String id, String name, String customHost);

    void deleteVirtualKey(String id);

    /** Asks the provider whether the key works (lists its models: a call that costs nothing). */
    KeyCheck testVirtualKey(String id);

    List<ApiKey> apiKeys();

    /** The answer carries the secret, the one time it is ever available. */
    CreatedApiKey createApiKey(ApiKeyDetails key);

    /** Replaces the key's name, team and every limit (a null limit removes it); the secret stays. */
    ApiKey updateApiKey(String id, ApiKeyDetails details);

    ApiKey revokeApiKey(String id);

    /** The latest version of each saved config, {@code api_key} values shown as {@code [redacted]}. */
    List<SavedConfig> configs();

    /** Saves {@code configJson} as version 1 of a new config. */
    SavedConfig createConfig(String id, String configJson);

    /**
     * Saves {@code configJson} as the next version of an existing config; an {@code api_key} that still reads
     * {@code [redacted]} keeps the key the latest version holds at the same place.
     */
    SavedConfig addConfigVersion(String id, String configJson);

    /** Every version of a config, oldest first. */
    List<SavedConfig> configVersions(String id);

    /** Saves an older version again, with its stored keys, as the next version. */
    SavedConfig restoreConfigVersion(String id, int version);

    void deleteConfig(String id);

    boolean requireApiKeys();

    /** @return the setting as the gateway now has it */
    boolean setRequireApiKeys(boolean required);

    List<Circuit> circuits();

    /** A stored provider credential, as the gateway shows it: never the key, only {@code keyHint} ("…abcd"). */
    record VirtualKey(String id, String name, String provider, String keyHint, String customHost,
                      Instant createdAt, Instant updatedAt) {
    }

    /** A provider credential to store; {@code id} and {@code customHost} may be null. */
    record NewVirtualKey(String id, String name, String provider, String apiKey, String customHost) {
        @Override
        public String toString() {
            return "NewVirtualKey[" + id + ", " + name + ", " + provider + ", api_key=***]";
        }
    }

    /** The answer of a virtual key's connection test; {@code status} is null when the provider was unreachable. */
    record KeyCheck(boolean ok, Integer status, String message) {
    }

    /** A key callers of the gateway present, with its limits (null = none) and what it used. */
    record ApiKey(String id, String name, String team, String prefix, List<String> allowedModels,
                  Integer requestsPerMinute, Integer tokensPerMinute, BigDecimal budgetDayUsd,
                  BigDecimal budgetMonthUsd, Instant createdAt, Instant revokedAt, KeyUsage usage) {
        public ApiKey {
            allowedModels = allowedModels == null ? List.of() : List.copyOf(allowedModels);
            usage = usage == null ? KeyUsage.NONE : usage;
        }

        public boolean active() {
            return revokedAt == null;
        }
    }

    /** What a key used this minute (against its rate limits), today and this month (against its budgets). */
    record KeyUsage(Usage minute, Usage day, Usage month) {
        public static final KeyUsage NONE = new KeyUsage(Usage.NONE, Usage.NONE, Usage.NONE);
    }

    /** What a key used in one period; {@code reservedUsd} is held by calls still in flight. */
    record Usage(long requests, long tokens, BigDecimal costUsd, BigDecimal reservedUsd) {
        public static final Usage NONE = new Usage(0, 0, BigDecimal.ZERO, BigDecimal.ZERO);
    }

    /** A gateway API key's name, team and limits, to create or change it; null limits mean none. */
    record ApiKeyDetails(String name, String team, List<String> allowedModels, Integer requestsPerMinute,
                     Integer tokensPerMinute, BigDecimal budgetDayUsd, BigDecimal budgetMonthUsd) {
    }

    /** A new API key and its secret, which the gateway never shows again. */
    record CreatedApiKey(ApiKey key, String secret) {
        @Override
        public String toString() {
            return "CreatedApiKey[" + key.name() + ", secret=***]";
        }
    }

    /** One version of a saved routing config, as pretty-printed JSON. */
    record SavedConfig(String id, int version, String json, Instant createdAt, String createdBy) {
    }

    /**
     * A target's circuit: {@code closed}, {@code open} (skipped until {@code openUntil}) or {@code half-open}
     * (the next request is a trial). {@code target} identifies what the target calls, e.g.
     * {@code openai|null|https://host/v1|gpt-4o}.
     */
    record Circuit(String target, String state, int consecutiveFailures, Instant openUntil) {
    }
}
