package io.dc2dc.emulator.conformance;

/**
 * Differences between a single-server recording and a cluster's answer that are known from
 * recordings of both kinds, reused by many scenarios. Evidence: {@code RestGetShards_cluster.txt}
 * (cluster) against {@code RestCollectionGetCollectionName.txt} (single server), both ArangoDB
 * 3.12.
 */
final class Tolerances {

    static final String CLUSTER_COLLECTION =
            "single-server recording; a 3.12 cluster adds the sharding attributes (RestGetShards_cluster)";
    static final String SINGLE_ONLY_COLLECTION =
            "single-server recording; a 3.12 cluster has no objectId and no keyOptions.lastValue"
                    + " (RestGetShards_cluster)";

    private Tolerances() {}

    /** The full collection-properties object at {@code path} of a single-server recording. */
    static void clusterCollection(ShapeRules rules, String path) {
        rules.allowExtraKeys(
                        path,
                        CLUSTER_COLLECTION,
                        "shardingStrategy",
                        "numberOfShards",
                        "minReplicationFactor",
                        "isSmart",
                        "replicationFactor",
                        "shardKeys",
                        "isDisjoint")
                .allowMissingKeys(path, SINGLE_ONLY_COLLECTION, "objectId")
                .allowMissingKeys(path + ".keyOptions", SINGLE_ONLY_COLLECTION, "lastValue");
    }

    /** Same for a collection-properties body. */
    static void clusterCollection(ShapeRules rules) {
        clusterCollection(rules, "$");
    }
}
