package dev.switchboard.app.playground;

import java.util.List;
import java.util.Map;

/** What targets can be chosen from: the gateway's models by provider, and its virtual keys. Blocking. */
public interface TargetCatalog {

    /** Model names by provider, e.g. {@code openai -> [gpt-4o, gpt-4o-mini, …]}. */
    Map<String, List<String>> models();

    /** Virtual keys as {@code id -> provider}; empty when the gateway's admin API is not available (demo mode). */
    Map<String, String> virtualKeys();
}
