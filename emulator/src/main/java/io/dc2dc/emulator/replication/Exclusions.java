package io.dc2dc.emulator.replication;

import java.util.Set;

/**
 * arangod's {@code TRI_ExcludeCollectionReplication}: system collections that replication never
 * ships, plus the Foxx queue collections unless asked for.
 */
public final class Exclusions {
    private static final Set<String> ALWAYS =
            Set.of(
                    "_frontend",
                    "_statistics",
                    "_statistics15",
                    "_statisticsRaw",
                    "_configuration",
                    "_cluster_kickstarter_plans",
                    "_routing",
                    "_fishbowl",
                    "_foxxlog",
                    "_sessions");

    private Exclusions() {}

    /** Whether a collection with this (cluster) name is left out of inventories and tails. */
    public static boolean excluded(String name, boolean includeSystem, boolean includeFoxxQueues) {
        if (!name.startsWith("_")) {
            return false;
        }
        if (!includeSystem) {
            return true;
        }
        if (ALWAYS.contains(name)) {
            return true;
        }
        return !includeFoxxQueues && (name.equals("_jobs") || name.equals("_queues"));
    }
}
