package io.dc2dc.emulator.conformance;

import java.util.List;

/**
 * Replays of the responses quoted from a real 3.4.2 cluster: {@code /_admin/cluster/health}
 * (dc2dc's way to find DB-server endpoints) and {@code replication/clusterInventory} (its way to
 * read the structure). Only bodies were quoted, so headers are not compared; being an older
 * version's abridged output, newer keys are tolerated and missing ones are not.
 */
final class QuotedScenarios {

    static final String FILE = "kubernetes-drain-health-and-clusterInventory.txt";
    private static final String NEWER = "3.4.2 quote; later versions add keys";

    private QuotedScenarios() {}

    static List<Scenario> all() {
        return List.of(
                Scenario.quoted(FILE, Area.SHARDS)
                        .setup(
                                ctx -> {
                                    ctx.fixture.dropCollection("c");
                                    // as quoted: collection "c", 6 shards, 2 replicas
                                    ctx.fixture.createCollection(
                                            "c", "{'numberOfShards':6,'replicationFactor':2}");
                                })
                        .cleanup(f -> f.dropCollection("c"))
                        .rules(
                                r ->
                                        r.ignoreHeaders("only bodies were quoted")
                                                .mapAt("$.Health", "Role")
                                                .allowAnyExtraKeys("$.Health.*", NEWER)
                                                .allowAnyExtraKeys("$", NEWER)
                                                .allowAnyExtraKeys("$.collections[*]", NEWER)
                                                .allowAnyExtraKeys(
                                                        "$.collections[*].parameters", NEWER)
                                                .allowAnyExtraKeys(
                                                        "$.collections[*].parameters.keyOptions",
                                                        NEWER)
                                                .mapAt("$.collections[*].parameters.shards")
                                                .anyLength(
                                                        "$.collections[*].indexes",
                                                        "the quoted collection had no indexes")
                                                .anyLength(
                                                        "$.views",
                                                        "views created by other tests may exist")));
    }
}
