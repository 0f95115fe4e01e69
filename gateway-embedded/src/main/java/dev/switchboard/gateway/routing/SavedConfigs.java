package dev.switchboard.gateway.routing;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/** Configs saved in the gateway, referenced by {@code x-portkey-config: <id>} or {@code <id>@<version>}. */
public interface SavedConfigs {
    /** The config with its secrets usable (decrypted), latest version unless {@code reference} names one. */
    Optional<JsonNode> resolve(String reference);
}
