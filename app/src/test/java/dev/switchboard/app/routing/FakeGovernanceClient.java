package dev.switchboard.app.routing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** An in-memory gateway for ViewModel tests: keeps what it is sent, answers like the admin API, fails on demand. */
final class FakeGovernanceClient implements GovernanceClient {
    static final Instant NOW = Instant.parse("2026-11-27T14:00:00Z");

    final Map<String, VirtualKey> virtualKeys = new LinkedHashMap<>();
    /** Every provider key the fake was given, in order: the only place a test may find one. */
    final List<String> receivedProviderKeys = new ArrayList<>();
    final Map<String, KeyCheck> checks = new LinkedHashMap<>();
    final Map<String, ApiKey> apiKeys = new LinkedHashMap<>();
    final Map<String, List<SavedConfig>> configs = new LinkedHashMap<>();
    final List<String> configCalls = new ArrayList<>();
    List<Circuit> circuits = List.of();
    boolean requireApiKeys;
    int requireWrites;
    /** The next call fails with this, once. */
    GovernanceException failNext;
    int calls;

    @Override
    public String baseUrl() {
        return "http://fake";
    }

    private void call() {
        calls++;
        if (failNext != null) {
            GovernanceException e = failNext;
            failNext = null;
            throw e;
        }
    }

    @Override
    public List<VirtualKey> virtualKeys() {
        call();
        return List.copyOf(virtualKeys.values());
    }

    @Override
    public VirtualKey createVirtualKey(NewVirtualKey key) {
        call();
        String id = key.id() != null ? key.id() : key.name().toLowerCase().replace(' ', '-');
        if (virtualKeys.containsKey(id)) {
            throw new GovernanceException(409, "A virtual key with id '" + id + "' exists");
        }
        receivedProviderKeys.add(key.apiKey());
        VirtualKey created = new VirtualKey(id, key.name(), key.provider(), hint(key.apiKey()), key.customHost(), NOW,
                NOW);
        virtualKeys.put(id, created);
        return created;
    }

    @Override
    public VirtualKey rotateVirtualKey(String id, String apiKey) {
        call();
        receivedProviderKeys.add(apiKey);
        VirtualKey old = virtualKeys.get(id);
        VirtualKey rotated = new VirtualKey(id, old.name(), old.provider(), hint(apiKey), old.customHost(),
                old.createdAt(), NOW.plusSeconds(60));
        virtualKeys.put(id, rotated);
        return rotated;
    }

    @Override
    public VirtualKey updateVirtualKey(String id, String name, String customHost) {
        call();
        VirtualKey old = virtualKeys.get(id);
        VirtualKey updated = new VirtualKey(id, name, old.provider(), old.keyHint(), customHost, old.createdAt(),
                NOW.plusSeconds(60));
        virtualKeys.put(id, updated);
        return updated;
    }

    @Override
    public void deleteVirtualKey(String id) {
        call();
        virtualKeys.remove(id);
    }

    @Override
    public KeyCheck testVirtualKey(String id) {
        call();
        return checks.getOrDefault(id, new KeyCheck(true, 200, "The provider accepted the key"));
    }

    @Override
    public List<ApiKey> apiKeys() {
        call();
        return List.copyOf(apiKeys.values());
    }

    @Override
    public CreatedApiKey createApiKey(ApiKeyDetails key) {
        call();
        String id = "ak_" + (apiKeys.size() + 1);
        ApiKey created = new ApiKey(id, key.name(), key.team(), "sbk-" + id, key.allowedModels(),
                key.requestsPerMinute(), key.tokensPerMinute(), key.budgetDayUsd(), key.budgetMonthUsd(), NOW, null,
                KeyUsage.NONE);
        apiKeys.put(id, created);
        return new CreatedApiKey(created, "sbk-" + id + "-the-one-time-secret");
    }

    @Override
    public ApiKey updateApiKey(String id, ApiKeyDetails details) {
        call();
        ApiKey k = apiKeys.get(id);
        ApiKey updated = new ApiKey(id, details.name(), details.team(), k.prefix(), details.allowedModels(),
                details.requestsPerMinute(), details.tokensPerMinute(), details.budgetDayUsd(),
                details.budgetMonthUsd(), k.createdAt(), k.revokedAt(), k.usage());
        apiKeys.put(id, updated);
        return updated;
    }

    @Override
    public ApiKey revokeApiKey(String id) {
        call();
        ApiKey k = apiKeys.get(id);
        ApiKey revoked = new ApiKey(k.id(), k.name(), k.team(), k.prefix(), k.allowedModels(), k.requestsPerMinute(),
                k.tokensPerMinute(), k.budgetDayUsd(), k.budgetMonthUsd(), k.createdAt(), NOW, k.usage());
        apiKeys.put(id, revoked);
        return revoked;
    }

    @Override
    public List<SavedConfig> configs() {
        call();
        return configs.values().stream().map(List::getLast).toList();
    }

    @Override
    public SavedConfig createConfig(String id, String configJson) {
        call();
        configCalls.add("POST " + id);
        return store(id, configJson);
    }

    @Override
    public SavedConfig addConfigVersion(String id, String configJson) {
        call();
        configCalls.add("PUT " + id);
        return store(id, configJson);
    }

    private SavedConfig store(String id, String json) {
        List<SavedConfig> versions = configs.computeIfAbsent(id, k -> new ArrayList<>());
        SavedConfig saved = new SavedConfig(id, versions.size() + 1, json, NOW, "admin");
        versions.add(saved);
        return saved;
    }

    @Override
    public List<SavedConfig> configVersions(String id) {
        call();
        return List.copyOf(configs.get(id));
    }

    @Override
    public SavedConfig restoreConfigVersion(String id, int version) {
        call();
        configCalls.add("RESTORE " + id + "@" + version);
        return store(id, configs.get(id).get(version - 1).json());
    }

    @Override
    public void deleteConfig(String id) {
        call();
        configs.remove(id);
    }

    @Override
    public boolean requireApiKeys() {
        call();
        return requireApiKeys;
    }

    @Override
    public boolean setRequireApiKeys(boolean required) {
        requireWrites++;
        call();
        requireApiKeys = required;
        return required;
    }

    @Override
    public List<Circuit> circuits() {
        call();
        return circuits;
    }

    private static String hint(String key) {
        return "…" + key.substring(key.length() - 4);
    }
}
