package dev.switchboard.gateway.routing;

import dev.switchboard.gateway.provider.ProviderAdapter;
import dev.switchboard.gateway.provider.Target;
import java.time.Duration;

/** Where one request goes: the resolved target, the adapter that speaks its format, and the time it may take. */
public record Route(Target target, ProviderAdapter adapter, Duration timeout) {
}
