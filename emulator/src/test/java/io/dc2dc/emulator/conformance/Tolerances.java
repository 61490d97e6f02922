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

    /**
     * Graph objects of a single-server recording ({@code $.graph}, {@code $.graphs[*]}): in a
     * cluster a graph carries the sharding attributes it gives its collections (documented
     * graph_representation; the single-server SmartGraph recording HttpGharialCreateSmart, whose
     * graph is sharded, shows the same set).
     */
    static void clusterGraph(ShapeRules rules) {
        String because = "single-server recording; a cluster graph carries its sharding attributes";
        for (String path : new String[] {"$.graph", "$.graphs[*]"}) {
            rules.allowExtraKeys(
                    path,
                    because,
                    "numberOfShards",
                    "replicationFactor",
                    "minReplicationFactor",
                    "writeConcern",
                    "isSmart",
                    "isSatellite");
        }
    }

    /** Same for a collection-properties body. */
    static void clusterCollection(ShapeRules rules) {
        clusterCollection(rules, "$");
    }
}
