package io.dc2dc.job.structure;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.dc2dc.arango.http.ArangoClient;
import io.dc2dc.job.check.StructureDiff;
import io.dc2dc.job.check.StructureSnapshot;
import io.dc2dc.job.testing.Clusters;
import io.dc2dc.job.testing.Http;
import io.dc2dc.job.testing.Replication;
import io.dc2dc.job.testing.Waits;
import java.time.Duration;
import java.util.List;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Collections created at the source while the job runs arrive with every property: type, shards,
 * shard keys and strategy, replication factor (satellite too), write concern, {@code
 * distributeShardsLike} (prototype first), schema, computed values, key options and the key
 * generator's progress, waitForSync, cacheEnabled.
 */
class CollectionPropertiesITCase {

    @RegisterExtension static final MiniClusterExtension FLINK = Clusters.miniCluster();
    @RegisterExtension final Clusters clusters = new Clusters();

    @Test
    void collectionsArriveWithEveryProperty() throws Exception {
        Http h = new Http(clusters.source().coordinatorUrl());
        h.call("POST", "/_api/database", "{\"name\":\"props\"}");
        h.call("POST", "/_db/props/_api/collection", "{\"name\":\"seed\"}");
        h.call("POST", "/_db/props/_api/document/seed", "{\"_key\":\"s\"}");
        JobClient job = clusters.start(2);
        try {
            Replication.awaitEqual(
                    clusters.source(), clusters.destination(), Duration.ofSeconds(60));
            // The follower is created right after its prototype: one discovery sees both.
            h.call(
                    "POST",
                    "/_db/props/_api/collection",
                    "{\"name\":\"proto\",\"numberOfShards\":3,\"replicationFactor\":2,"
                            + "\"shardKeys\":[\"region\"],\"shardingStrategy\":\"hash\"}");
            h.call(
                    "POST",
                    "/_db/props/_api/collection",
                    "{\"name\":\"follower\",\"distributeShardsLike\":\"proto\","
                            + "\"shardKeys\":[\"region\"]}");
            h.call(
                    "POST",
                    "/_db/props/_api/collection",
                    "{\"name\":\"links\",\"type\":3,\"numberOfShards\":2,\"writeConcern\":2,"
                            + "\"replicationFactor\":3,\"waitForSync\":true}");
            h.call(
                    "POST",
                    "/_db/props/_api/collection",
                    "{\"name\":\"everywhere\",\"replicationFactor\":\"satellite\"}");
            h.call(
                    "POST",
                    "/_db/props/_api/collection",
                    "{\"name\":\"counted\",\"numberOfShards\":1,\"cacheEnabled\":true,"
                            + "\"keyOptions\":{\"type\":\"autoincrement\",\"increment\":5,"
                            + "\"offset\":10,\"allowUserKeys\":false},"
                            + "\"schema\":{\"rule\":{\"type\":\"object\",\"required\":[\"n\"]},"
                            + "\"level\":\"strict\",\"message\":\"n is required\"},"
                            + "\"computedValues\":[{\"name\":\"twice\",\"expression\":"
                            + "\"RETURN @doc.n * 2\",\"overwrite\":true,"
                            + "\"computeOn\":[\"insert\",\"update\",\"replace\"]}]}");
            for (int i = 0; i < 20; i++) {
                h.call("POST", "/_db/props/_api/document/counted", "{\"n\":" + i + "}");
            }
            h.call(
                    "POST",
                    "/_db/props/_api/document/proto",
                    "[{\"region\":\"eu\",\"v\":1},{\"region\":\"us\",\"v\":2}]");
            h.call(
                    "POST",
                    "/_db/props/_api/document/links",
                    "{\"_from\":\"proto/a\",\"_to\":\"proto/b\"}");
            h.call("POST", "/_db/props/_api/document/everywhere", "{\"_key\":\"one\"}");

            Replication.awaitEqual(
                    clusters.source(), clusters.destination(), Duration.ofSeconds(60));
            try (ArangoClient s =
                            ArangoClient.connect(Replication.spec("source", clusters.source()));
                    ArangoClient d =
                            ArangoClient.connect(
                                    Replication.spec("destination", clusters.destination()))) {
                Waits.until(
                        "the destination's collections to equal the source's",
                        Duration.ofSeconds(30),
                        () -> differences(s, d).isEmpty(),
                        () -> differences(s, d).toString());
                JsonNode follower = StructureSnapshot.read(d).get("collection props/follower");
                assertThat(follower.path("distributeShardsLike").asText()).isEqualTo("proto");
                assertThat(
                                StructureSnapshot.read(d)
                                        .get("collection props/everywhere")
                                        .path("replicationFactor")
                                        .asText())
                        .isEqualTo("satellite");
            }
            // The key generator continues after the source's keys on the destination.
            Http dest = new Http(clusters.destination().coordinatorUrl());
            long next =
                    dest.call("POST", "/_db/props/_api/document/counted", "{\"n\":100}")
                            .path("_key")
                            .asLong();
            assertThat(next).isGreaterThan(10 + 19 * 5);
        } finally {
            job.cancel().get();
        }
    }

    private static List<String> differences(ArangoClient s, ArangoClient d) {
        return StructureDiff.of(StructureSnapshot.read(s), StructureSnapshot.read(d))
                .differences()
                .stream()
                .filter(l -> l.startsWith("collection props/") || l.startsWith("index props/"))
                .toList();
    }
}
