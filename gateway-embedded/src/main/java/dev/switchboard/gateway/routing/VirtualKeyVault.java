package dev.switchboard.gateway.routing;

import java.util.Map;
import java.util.Optional;

/** Provider credentials stored once in the gateway and referenced by id, so callers never hold the real key. */
public interface VirtualKeyVault {

    /** A stored credential, decrypted for one request; never serialised. */
    record VirtualKey(String id, String provider, String apiKey, String customHost, Map<String, String> options) {
        @Override
        public String toString() {
            return "VirtualKey[" + id + " " + provider + "]";
        }
    }

    Optional<VirtualKey> find(String id);
}
