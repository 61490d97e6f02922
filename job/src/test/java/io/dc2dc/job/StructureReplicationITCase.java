package io.dc2dc.job;

import static org.assertj.core.api.Assertions.assertThat;

import io.dc2dc.arango.http.ArangoClient;
import io.dc2dc.emulator.Emulator;
import io.dc2dc.job.check.StructureDiff;
import io.dc2dc.job.check.StructureSnapshot;
import io.dc2dc.job.testing.Clusters;
import io.dc2dc.job.testing.Http;
import io.dc2dc.job.testing.Replication;
import io.dc2dc.job.testing.Waits;
import io.dc2dc.job.testing.Workload;
import java.time.Duration;
import java.util.List;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Indexes follow the source, matched by name and definition: those that exist at the start, one
 * created and one dropped while the job runs.
 */
class StructureReplicationITCase {

    @RegisterExtension static final MiniClusterExtension FLINK = Clusters.miniCluster();
    @RegisterExtension final Clusters clusters = new Clusters();

    @Test
    void indexesAreCreatedAndDroppedLive() throws Exception {
        Emulator source = clusters.source();
        Emulator destination = clusters.destination();
        Workload w = new Workload(source.coordinatorUrl(), 17);
        w.createDatabase("shop");
        w.createCollection("shop", "orders", 2, false);
        Http h = w.http();
        h.call(
                "POST",
                "/_db/shop/_api/index?collection=orders",
                "{\"type\":\"persistent\",\"name\":\"byN\",\"fields\":[\"n\"],\"sparse\":true}");
        h.call(
                "POST",
                "/_db/shop/_api/index?collection=orders",
                "{\"type\":\"ttl\",\"name\":\"expiry\",\"fields\":[\"expiresAt\"],\"expireAfter\":3600}");
        w.insertMany("shop", "orders", "o", 500, 20);
        JobClient job = clusters.start(2);
        try {
            Replication.awaitEqual(source, destination, Duration.ofSeconds(60));
            awaitSameIndexes(source, destination);

            h.call(
                    "POST",
                    "/_db/shop/_api/index?collection=orders",
                    "{\"type\":\"persistent\",\"name\":\"uniqueKeyAndText\",\"fields\":[\"_key\",\"text\"],\"unique\":true}");
            // every other index type, created while the job runs (hash and skiplist are aliases
            // of persistent)
            for (String index :
                    List.of(
                            "{\"type\":\"hash\",\"name\":\"byText\",\"fields\":[\"text\"]}",
                            "{\"type\":\"skiplist\",\"name\":\"byNAndText\",\"fields\":[\"n\",\"text\"],\"storedValues\":[\"x\"]}",
                            "{\"type\":\"geo\",\"name\":\"where\",\"fields\":[\"location\"],\"geoJson\":true}",
                            "{\"type\":\"fulltext\",\"name\":\"words\",\"fields\":[\"text\"],\"minLength\":3}",
                            "{\"type\":\"inverted\",\"name\":\"search\",\"fields\":[{\"name\":\"text\"}]}",
                            "{\"type\":\"mdi\",\"name\":\"box\",\"fields\":[\"x\",\"y\"],\"fieldValueTypes\":\"double\"}",
                            "{\"type\":\"zkd\",\"name\":\"cube\",\"fields\":[\"x\",\"y\",\"z\"],\"fieldValueTypes\":\"double\"}")) {
                h.call("POST", "/_db/shop/_api/index?collection=orders", index);
            }
            String byN = h.call("GET", "/_db/shop/_api/index/orders/byN", null).path("id").asText();
            h.call("DELETE", "/_db/shop/_api/index/" + byN, null);
            awaitSameIndexes(source, destination);
            Replication.awaitEqual(source, destination, Duration.ofSeconds(60));
        } finally {
            job.cancel().get();
        }
    }

    private static void awaitSameIndexes(Emulator source, Emulator destination) {
        try (ArangoClient s = ArangoClient.connect(Replication.spec("source", source));
                ArangoClient d =
                        ArangoClient.connect(Replication.spec("destination", destination))) {
            Waits.until(
                    "the destination's indexes to equal the source's",
                    Duration.ofSeconds(30),
                    () -> indexDifferences(s, d).isEmpty(),
                    () -> indexDifferences(s, d).toString());
            assertThat(StructureSnapshot.read(s).keySet())
                    .filteredOn(k -> k.startsWith("index "))
                    .isNotEmpty();
        }
    }

    private static List<String> indexDifferences(ArangoClient s, ArangoClient d) {
        return StructureDiff.of(StructureSnapshot.read(s), StructureSnapshot.read(d))
                .differences()
                .stream()
                .filter(line -> line.startsWith("index "))
                .toList();
    }

    @Test
    void collectionPropertyChangesFollow() throws Exception {
        Emulator source = clusters.source();
        Emulator destination = clusters.destination();
        Workload w = new Workload(source.coordinatorUrl(), 19);
        w.createDatabase("app");
        w.createCollection("app", "docs", 2, false);
        w.insertMany("app", "docs", "d", 100, 10);
        JobClient job = clusters.start(2);
        try {
            Replication.awaitEqual(source, destination, Duration.ofSeconds(60));
            w.http()
                    .call(
                            "PUT",
                            "/_db/app/_api/collection/docs/properties",
                            "{\"waitForSync\":true,\"cacheEnabled\":true,\"schema\":{\"rule\":"
                                    + "{\"type\":\"object\"},\"level\":\"moderate\","
                                    + "\"message\":\"not an object\"}}");
            try (ArangoClient s = ArangoClient.connect(Replication.spec("source", source));
                    ArangoClient d =
                            ArangoClient.connect(Replication.spec("destination", destination))) {
                Waits.until(
                        "the destination's collection properties to equal the source's",
                        Duration.ofSeconds(30),
                        () -> differences(s, d, "collection ").isEmpty(),
                        () -> differences(s, d, "collection ").toString());
            }
        } finally {
            job.cancel().get();
        }
    }

    private static List<String> differences(ArangoClient s, ArangoClient d, String area) {
        return StructureDiff.of(StructureSnapshot.read(s), StructureSnapshot.read(d))
                .differences()
                .stream()
                .filter(line -> line.startsWith(area))
                .toList();
    }
}
