package io.dc2dc.emulator.conformance;

import java.util.List;

/**
 * Replays of the collection, shard, database and server-information transcripts.
 *
 * <p>Most collection recordings come from a single server; {@link Tolerances#clusterCollection}
 * states what a cluster legitimately answers differently. The {@code _cluster} recordings are
 * compared without that tolerance.
 */
final class CollectionScenarios {

    private static final String PRODUCTS = "products";

    private CollectionScenarios() {}

    static List<Scenario> all() {
        return List.of(
                // --- collections ---
                Scenario.of("RestCollectionCreateCollection.txt", Area.COLLECTIONS)
                        .setup(
                                ctx ->
                                        drop(
                                                ctx.fixture,
                                                "testCollectionBasics",
                                                "testCollectionEdges"))
                        .cleanup(f -> drop(f, "testCollectionBasics", "testCollectionEdges"))
                        .rules(Tolerances::clusterCollection),
                Scenario.of("RestCollectionCreateKeyopt.txt", Area.COLLECTIONS)
                        .setup(ctx -> drop(ctx.fixture, "testCollectionUsers"))
                        .cleanup(f -> drop(f, "testCollectionUsers"))
                        .rules(Tolerances::clusterCollection),
                Scenario.of("RestCollectionGetAllCollections.txt", Area.COLLECTIONS),
                products("RestCollectionGetCollectionName.txt", "{'waitForSync':true}")
                        .rules(Tolerances::clusterCollection),
                Scenario.of("RestCollectionGetCollectionIdentifier.txt", Area.COLLECTIONS)
                        .setup(
                                ctx -> {
                                    drop(ctx.fixture, PRODUCTS);
                                    String id =
                                            ctx.fixture
                                                    .createCollection(
                                                            PRODUCTS, "{'waitForSync':true}")
                                                    .get("id")
                                                    .asText();
                                    // recorded path: /_api/collection/<id>/properties
                                    String[] path = ctx.transcript.request(0).path().split("/");
                                    ctx.bind(path[path.length - 2], id);
                                })
                        .cleanup(f -> drop(f, PRODUCTS))
                        .rules(Tolerances::clusterCollection),
                products("RestCollectionIdentifierPropertiesSync.txt", "{'waitForSync':true}")
                        .rules(Tolerances::clusterCollection),
                withOneDoc("RestCollectionGetCollectionCount.txt")
                        .setup(
                                ctx -> {
                                    drop(ctx.fixture, PRODUCTS);
                                    ctx.fixture.createCollection(PRODUCTS, "{'waitForSync':true}");
                                    StringBuilder docs = new StringBuilder("[");
                                    for (int i = 0; i < 100; i++) {
                                        docs.append(i == 0 ? "" : ",")
                                                .append("{'count':")
                                                .append(i)
                                                .append('}');
                                    }
                                    ctx.fixture.insertAll(PRODUCTS, docs.append(']').toString());
                                })
                        .rules(Tolerances::clusterCollection),
                withOneDoc("RestCollectionGetCollectionChecksum.txt"),
                withOneDoc("RestCollectionGetCollectionChecksumNoRev.txt"),
                products("RestCollectionGetCollectionRevision.txt", "{'waitForSync':false}")
                        .rules(Tolerances::clusterCollection),
                products("RestCollectionIdentifierTruncate.txt", "{'waitForSync':true}"),
                Scenario.of("RestCollectionDeleteCollectionName.txt", Area.COLLECTIONS)
                        .setup(
                                ctx -> {
                                    drop(ctx.fixture, "products1");
                                    ctx.fixture.createCollection("products1");
                                })
                        .cleanup(f -> drop(f, "products1")),
                Scenario.of("RestCollectionDeleteCollectionIdentifier.txt", Area.COLLECTIONS)
                        .setup(
                                ctx -> {
                                    drop(ctx.fixture, "products1");
                                    String id =
                                            ctx.fixture
                                                    .createCollection(
                                                            "products1", "{'waitForSync':true}")
                                                    .get("id")
                                                    .asText();
                                    ctx.bind(ctx.recordedKey(0), id);
                                })
                        .cleanup(f -> drop(f, "products1")),
                Scenario.of("RestCollectionDeleteCollectionSystem.txt", Area.COLLECTIONS)
                        .setup(
                                ctx -> {
                                    ctx.fixture.dropSystemCollection("_example");
                                    ctx.fixture.createCollection("_example", "{'isSystem':true}");
                                })
                        .cleanup(f -> f.dropSystemCollection("_example")),
                // --- shards (cluster recordings) ---
                threeShards("RestGetShards_cluster.txt"),
                threeShards("RestGetShardsWithDetails_cluster.txt").rules(r -> r.mapAt("$.shards")),
                threeShards("RestGetResponsibleShardExample_cluster.txt"),
                // --- databases ---
                Scenario.of("RestDatabaseCreate.txt", Area.DATABASES)
                        .setup(ctx -> ctx.fixture.dropDatabase("example"))
                        .cleanup(f -> f.dropDatabase("example")),
                Scenario.of("RestDatabaseCreateUsers.txt", Area.DATABASES)
                        .setup(ctx -> ctx.fixture.dropDatabase("mydb"))
                        .cleanup(f -> f.dropDatabase("mydb")),
                Scenario.of("RestDatabaseDrop.txt", Area.DATABASES)
                        .setup(
                                ctx -> {
                                    ctx.fixture.dropDatabase("example");
                                    ctx.fixture.createDatabase("example");
                                })
                        .cleanup(f -> f.dropDatabase("example")),
                Scenario.of("RestDatabaseGet.txt", Area.DATABASES),
                Scenario.of("RestDatabaseGetInfo.txt", Area.DATABASES)
                        .rules(
                                r ->
                                        r.allowExtraKeys(
                                                "$.result",
                                                "single-server recording; in a cluster"
                                                        + " the database defaults are reported too (docs: get_api_database_current)",
                                                "sharding",
                                                "replicationFactor",
                                                "writeConcern")),
                Scenario.of("RestDatabaseGetUser.txt", Area.DATABASES),
                // --- server information ---
                Scenario.of("RestVersion.txt", Area.SERVER),
                Scenario.of("RestVersionDetails.txt", Area.SERVER)
                        .rules(
                                r ->
                                        r.ignore(
                                                "$.details",
                                                "single-server recording: a coordinator's"
                                                        + " details (role, build flags) differ; only the envelope is compared")),
                Scenario.of("RestEngine.txt", Area.SERVER),
                Scenario.of("RestAdminStatus_cluster.txt", Area.SERVER)
                        .knownEmulatorDifference(
                                "GET /_admin/status has an empty"
                                        + " agency.agencyComm.endpoints (no agents emulated; a cluster lists"
                                        + " its agents)"),
                Scenario.of("RestAdminSupportInfo_cluster.txt", Area.SERVER)
                        .rules(
                                r ->
                                        r.mapAt("$.deployment.servers", "role")
                                                .ignore(
                                                        "$.deployment.servers.*.engineStats",
                                                        "RocksDB statistics, not emulated")));
    }

    private static void drop(Fixture f, String... names) {
        for (String name : names) {
            f.dropCollection(name);
        }
    }

    /** A fresh {@code products} collection created with {@code properties}. */
    private static Scenario products(String file, String properties) {
        return Scenario.of(file, Area.COLLECTIONS)
                .setup(
                        ctx -> {
                            drop(ctx.fixture, PRODUCTS);
                            ctx.fixture.createCollection(PRODUCTS, properties);
                        })
                .cleanup(f -> drop(f, PRODUCTS));
    }

    /** {@code products} holding {@code {foo: "bar"}}. */
    private static Scenario withOneDoc(String file) {
        return Scenario.of(file, Area.COLLECTIONS)
                .setup(
                        ctx -> {
                            drop(ctx.fixture, PRODUCTS);
                            ctx.fixture.createCollection(PRODUCTS);
                            ctx.fixture.insert(PRODUCTS, "{'foo':'bar'}");
                        })
                .cleanup(f -> drop(f, PRODUCTS));
    }

    /** {@code testCollection} with three shards, as the {@code _cluster} examples create it. */
    private static Scenario threeShards(String file) {
        return Scenario.of(file, Area.SHARDS)
                .setup(
                        ctx -> {
                            drop(ctx.fixture, "testCollection");
                            ctx.fixture.createCollection(
                                    "testCollection", "{'numberOfShards':3,'shardKeys':['_key']}");
                        })
                .cleanup(f -> drop(f, "testCollection"));
    }
}
