package dev.switchboard.gateway.routing;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One node of a routing config: a target (a provider to call) or a strategy over child nodes. {@code path} is
 * where the node sits in the config, e.g. {@code config.targets[1]}, as reported in
 * {@code x-portkey-last-used-option-index} and on spans.
 */
public sealed interface RouteNode permits RouteNode.TargetNode, RouteNode.StrategyNode {

    String path();

    String name();

    double weight();

    /** A provider to call, with everything inherited from the nodes above it already applied. */
    record TargetNode(String path, String name, double weight, String provider, String apiKey, String virtualKey,
                      String customHost, Map<String, String> options, ObjectNode overrideParams, RetryPolicy retry,
                      Duration timeout) implements RouteNode {
        public TargetNode {
            options = Map.copyOf(options);
        }

        @Override
        public String toString() {
            return "TargetNode[" + path + " " + provider + "]";
        }
    }

    /** How a strategy picks among its targets. */
    enum Mode { SINGLE, FALLBACK, LOADBALANCE, CONDITIONAL }

    /** One rule of a conditional strategy: when {@code query} matches, use the target named {@code then}. */
    record Condition(ObjectNode query, String then) {
    }

    record StrategyNode(String path, String name, double weight, Mode mode, Set<Integer> onStatusCodes,
                        List<Condition> conditions, String defaultTarget, List<RouteNode> targets)
            implements RouteNode {
        public StrategyNode {
            onStatusCodes = onStatusCodes == null ? null : Set.copyOf(onStatusCodes);
            conditions = List.copyOf(conditions);
            targets = List.copyOf(targets);
        }

        /** Fallback moves on for these statuses; with none given, for any failure. */
        public boolean fallsBackOn(int status) {
            return onStatusCodes == null ? status >= 400 : onStatusCodes.contains(status);
        }

        public RouteNode target(String targetName) {
            return targets.stream().filter(t -> targetName.equals(t.name())).findFirst().orElseThrow();
        }
    }
}
